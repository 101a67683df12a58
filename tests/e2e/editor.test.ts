// The editor end to end, in Debian's Chromium against the production build: one user session, in
// order (each test continues where the previous one left the page). Screenshots go to test-results/e2e.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModel, serializeModel, type Model } from '../../src/model';
import { fontTextWidth } from '../../src/render/text';
import { renderSvg } from '../../src/render/svg';
import { FONTS, NODE_STYLES } from '../../src/render/theme';
import { openEditorSession, SCREENSHOTS as SHOTS, type EditorSession } from './browser';

const REPO = path.resolve(import.meta.dirname, '../..');
const KEYSTONE = parseModel(readFileSync(path.join(REPO, 'examples/keystone-icu.toc.json'), 'utf8'));
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

let session: EditorSession;
let page: Page;
let pageErrors: string[];
let dialogs: string[];

async function shot(name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

const nodes = () => page.locator('.react-flow__node');
/** A node on the canvas by kind tag and label (its accessible name is "TAG: label…"). */
const node = (tag: string, label: string) => page.getByRole('group', { name: new RegExp(`^${tag}[^:]*: ${escape(label)}(,|$)`) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a link from the source handle of one node onto the middle of another, as a person would. */
async function connect(from: Locator, to: Locator) {
  const start = await centre(from.locator('.react-flow__handle.source'));
  const end = await centre(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
}

async function canvasPoint(dx: number, dy: number) {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  return { x: box.width / 2 + dx, y: box.height / 2 + dy };
}

async function dropFromPalette(kind: string, dx: number, dy: number) {
  const target = await canvasPoint(dx, dy);
  await page.getByRole('button', { name: `Add ${kind}`, exact: true }).dragTo(page.locator('.react-flow__pane'), { targetPosition: target });
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  return { x: pane.x + target.x, y: pane.y + target.y };
}

async function menu(group: string, item: string) {
  await page.getByRole('button', { name: group, exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${escape(item)}`) }).click();
}

async function emptyCanvasClick() {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.click(box.x + 12, box.y + box.height - 12);
}

async function saveDownload(): Promise<{ text: string; name: string }> {
  const download = page.waitForEvent('download');
  await page.keyboard.press(`${MOD}+s`);
  const file = await download;
  return { text: readFileSync((await file.path())!, 'utf8'), name: file.suggestedFilename() };
}

beforeAll(async () => {
  session = await openEditorSession();
  ({ page, pageErrors, dialogs } = session);
  await page.goto(session.url);
});

afterAll(async () => {
  await session?.close();
});

describe.sequential('the editor', () => {
  it('opens with the Keystone example drawn, in stage columns, with findings', async () => {
    expect(KEYSTONE.ok).toBe(true);
    const model = (KEYSTONE as { model: Model }).model;
    await expect.poll(() => nodes().count()).toBe(model.nodes.length);
    expect(await page.locator('.react-flow__edge').count()).toBe(model.edges.length);
    await expect.poll(() => node('ACTIVITY', model.nodes.find((n) => n.kind === 'activity')!.label).count()).toBe(1);
    for (const header of ['Inputs', 'Activities', 'Mechanisms', 'Outputs', 'Short-term outcomes', 'Impact']) {
      expect(await page.locator('.stage-column__header', { hasText: new RegExp(`^${header}$`) }).count()).toBe(1);
    }
    // The rule checker has run: findings, or its word that there are none.
    await expect
      .poll(async () => (await page.locator('.findings .finding').count()) > 0 || (await page.getByText('No findings: the model meets every rule.').count()) === 1)
      .toBe(true);
    expect(await page.locator('.file-status__title').textContent()).toBe(model.title);
    await shot('01-example');
  });

  it('ends each link in the arrowhead the SVG export draws for its kind', async () => {
    const model = (KEYSTONE as { model: Model }).model;
    const kinds = Object.fromEntries(model.edges.map((e) => [e.id, e.kind]));
    // Each link's marker on the canvas against the export's marker for its kind: the same box, size and head.
    const compared = await page.locator('.react-flow__edge').evaluateAll(
      (edges, { svg, kinds }) => {
        const exported = new DOMParser().parseFromString(svg, 'image/svg+xml');
        const shape = (marker: Element | null) =>
          marker && {
            box: ['viewBox', 'refX', 'refY', 'orient'].map((a) => marker.getAttribute(a)).join(' '),
            size: ['markerWidth', 'markerHeight'].map((a) => Number(marker.getAttribute(a)).toFixed(2)).join(' '),
            head: [...marker.querySelectorAll('path')].map((p) => ['d', 'fill', 'stroke', 'stroke-width'].map((a) => p.getAttribute(a)).join(' ')).join('; '),
          };
        return edges.map((edge) => {
          const id = /url\('?#([^')]+)'?\)/.exec(edge.querySelector('.react-flow__edge-path')?.getAttribute('marker-end') ?? '')?.[1];
          const kind = kinds[edge.getAttribute('data-id')!];
          return { canvas: shape(id ? document.getElementById(id) : null), exported: shape(exported.getElementById(`toc-arrow-${kind}`)) };
        });
      },
      { svg: renderSvg(model), kinds },
    );
    expect(compared).toHaveLength(model.edges.length);
    for (const { canvas, exported } of compared) {
      expect(exported).not.toBeNull();
      expect(canvas).toEqual(exported);
    }
  });

  it('shows every node in the overview, in its kind colour, and pans, zooms and centres the view from there', async () => {
    const model = (KEYSTONE as { model: Model }).model;
    const overview = page.getByRole('img', { name: 'Overview of the whole model' });
    const drawn = await overview.locator('path.overview-nodes').evaluateAll((paths) =>
      paths.map((p) => [p.getAttribute('fill'), (p.getAttribute('d')!.match(/M/g) ?? []).length] as const),
    );
    expect(drawn.reduce((sum, [, rects]) => sum + rects, 0)).toBe(model.nodes.length);
    const kinds = new Set(model.nodes.map((n) => n.kind));
    expect(new Set(drawn.map(([fill]) => fill))).toEqual(new Set([...kinds].map((kind) => NODE_STYLES[kind].swatch)));

    const transform = () => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
    const before = await transform();
    const { x, y } = await centre(overview);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 30, y + 10, { steps: 4 });
    await page.mouse.up();
    const panned = await transform();
    expect(panned).not.toBe(before);
    await page.mouse.wheel(0, -200);
    await expect.poll(transform).not.toBe(panned);

    // A click centres the view on the model point under it, keeping the zoom.
    const box = (await overview.boundingBox())!;
    const click = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.6 };
    const target = await overview.evaluate((svg, at) => {
      const point = new DOMPoint(at.x, at.y).matrixTransform((svg as SVGSVGElement).getScreenCTM()!.inverse());
      return { x: point.x, y: point.y };
    }, click);
    const view = () =>
      page.locator('.react-flow__viewport').evaluate((el) => {
        const matrix = new DOMMatrixReadOnly(getComputedStyle(el).transform);
        return { x: matrix.e, y: matrix.f, zoom: matrix.a };
      });
    const { zoom } = await view();
    await page.mouse.click(click.x, click.y);
    const centreOfView = async () => {
      const pane = (await page.locator('.react-flow__pane').boundingBox())!;
      const now = await view();
      return { x: Math.round((pane.width / 2 - now.x) / now.zoom), y: Math.round((pane.height / 2 - now.y) / now.zoom), zoom: now.zoom };
    };
    await expect.poll(centreOfView).toEqual({ x: Math.round(target.x), y: Math.round(target.y), zoom });
    await page.getByRole('button', { name: /^fit view$/i }).click();
  });

  it('draws every label inside its box', async () => {
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.toc-node__line, .toc-node__tag')]
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map((el) => el.textContent),
    );
    expect(overflowing).toEqual([]);
  });

  it('measures text like the browser does (never narrower, at most a few percent wider)', async () => {
    const samples = [
      'Train ICU teams in the science of safety',
      'Clinicians compare their rates with peer units — “named” feedback',
      'WAVE Tillyard AVAILABILITY, façade, naïve, Łódź, Ærøskøbing',
      '0123456789 %&@#()[]{} / \\ | ~ ^ * + = < > ? !',
    ];
    const fonts = [FONTS.label, FONTS.satelliteLabel, FONTS.tag, FONTS.columnHeader];
    const measured = await page.evaluate(
      async ({ samples, fonts }) => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        const out: number[][] = [];
        for (const font of fonts) {
          const spec = `${font.weight} ${font.size}px Inter`;
          await document.fonts.load(spec, samples.join(''));
          ctx.font = spec;
          ctx.letterSpacing = `${font.letterSpacing}px`;
          out.push(samples.map((s) => ctx.measureText(s).width));
        }
        return out;
      },
      { samples, fonts },
    );
    fonts.forEach((font, f) => {
      samples.forEach((sample, i) => {
        const ours = fontTextWidth(sample, font);
        const real = measured[f]![i]!;
        expect(ours, `${font.size}px ${font.weight}: ${sample}`).toBeGreaterThanOrEqual(real - 0.5);
        expect(ours, `${font.size}px ${font.weight}: ${sample}`).toBeLessThanOrEqual(real * 1.05 + 1);
      });
    });
  });

  it('has no serious or critical accessibility violations with a node selected', async () => {
    await nodes().first().click();
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Node', exact: true }).count()).toBe(1);
    await page.addScriptTag({ path: path.join(REPO, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
    await shot('02-node-selected');
    expect(violations).toEqual([]);
  });

  it('starts a blank model from File → New', async () => {
    await menu('File', 'New…');
    await expect.poll(() => page.getByRole('dialog', { name: 'New model' }).count()).toBe(1);
    await page.getByRole('button', { name: /^Blank model/ }).click();
    await expect.poll(() => nodes().count()).toBe(0);
    expect(await page.locator('.file-status__title').textContent()).toBe('Untitled theory of change');
  });

  it('adds an activity (click) and an outcome (drag) from the palette and links them with leads-to', async () => {
    await page.getByRole('button', { name: 'Add activity', exact: true }).click();
    await expect.poll(() => node('ACTIVITY', 'New activity').count()).toBe(1);
    const activity = node('ACTIVITY', 'New activity');
    // A click adds at the centre of the view.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const middle = await centre(activity);
    expect(Math.abs(middle.x - (pane.x + pane.width / 2))).toBeLessThan(4);
    expect(Math.abs(middle.y - (pane.y + pane.height / 2))).toBeLessThan(4);

    // A drag drops where the pointer is.
    const dropped = await dropFromPalette('outcome', 320, 0);
    const outcome = node('OUTCOME', 'New outcome');
    await expect.poll(() => outcome.count()).toBe(1);
    const at = await centre(outcome);
    expect(Math.abs(at.x - dropped.x)).toBeLessThan(4);
    expect(Math.abs(at.y - dropped.y)).toBeLessThan(4);

    await connect(activity, outcome);
    const edge = page.locator('.react-flow__edge.toc-edge--leads-to');
    await expect.poll(() => edge.count()).toBe(1);
    expect(await edge.getAttribute('aria-label')).toBe('Link: “New activity” leads to “New outcome”');
    await expect.poll(() => page.getByRole('heading', { name: 'Link', exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Kind of link').inputValue()).toBe('leads-to');
    await shot('03-connected');
  });

  it('refuses a link the spec does not allow, and says why', async () => {
    await dropFromPalette('input', -320, 0);
    const input = node('INPUT', 'New input');
    await expect.poll(() => input.count()).toBe(1);
    await connect(input, node('OUTCOME', 'New outcome'));
    await expect.poll(() => page.locator('.notice--error', { hasText: 'An input can only enable an activity or a mechanism.' }).count()).toBe(1);
    expect(await page.locator('.react-flow__edge').count()).toBe(1);
    await connect(input, node('ACTIVITY', 'New activity'));
    await expect.poll(() => page.locator('.react-flow__edge.toc-edge--enables').count()).toBe(1);
  });

  it('asks which kind of link when several fit', async () => {
    await dropFromPalette('stakeholder', 0, 200);
    const stakeholder = node('STAKEHOLDER', 'New stakeholder');
    await expect.poll(() => stakeholder.count()).toBe(1);
    await connect(stakeholder, node('ACTIVITY', 'New activity'));
    const choice = page.getByRole('dialog', { name: 'Choose the kind of link' });
    await expect.poll(() => choice.count()).toBe(1);
    expect(await choice.getByRole('button').allTextContents()).toEqual(['own (owns)', 'participate in (participates-in)', 'Cancel']);
    await shot('04-choose-link');
    await choice.getByRole('button', { name: 'participate in (participates-in)' }).click();
    await expect.poll(() => page.locator('.react-flow__edge.toc-edge--participates-in').count()).toBe(1);
  });

  it('edits a label in the inspector; undo and redo take the whole burst of typing as one step', async () => {
    await node('ACTIVITY', 'New activity').click();
    const label = page.getByLabel('Label', { exact: true });
    await label.selectText();
    await label.pressSequentially('Run monthly huddles', { delay: 15 });
    await expect.poll(() => node('ACTIVITY', 'Run monthly huddles').count()).toBe(1);
    await emptyCanvasClick(); // leave the field: the burst ends, and keys reach the editor again

    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => node('ACTIVITY', 'New activity').count()).toBe(1);
    await page.keyboard.press(`${MOD}+Shift+z`);
    await expect.poll(() => node('ACTIVITY', 'Run monthly huddles').count()).toBe(1);
    await page.keyboard.press(`${MOD}+z`);
    await page.keyboard.press('Control+y');
    await expect.poll(() => node('ACTIVITY', 'Run monthly huddles').count()).toBe(1);
  });

  it('makes a drag one undo step', async () => {
    const activity = node('ACTIVITY', 'Run monthly huddles');
    const place = () => activity.evaluate((el) => (el as HTMLElement).style.transform);
    const before = await place();
    const start = await centre(activity);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + i * 6, start.y + i * 9);
    await page.mouse.up();
    await expect.poll(place).not.toBe(before);
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(place).toBe(before);
  });

  it('does not take keys away from text fields', async () => {
    await node('ACTIVITY', 'Run monthly huddles').click();
    const description = page.getByLabel('Description', { exact: true });
    await description.click();
    await page.keyboard.type('Weekly? No: monthly.');
    await page.keyboard.press('Backspace');
    expect(await description.inputValue()).toBe('Weekly? No: monthly');
    expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
    expect(await node('ACTIVITY', 'Run monthly huddles').count()).toBe(1);
  });

  it('lists the shortcuts on ?', async () => {
    await emptyCanvasClick();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.count()).toBe(1);
    for (const label of ['Undo', 'Redo', 'Delete', 'Duplicate', 'Select all', 'Save']) {
      expect(await dialog.locator('dt').getByText(label, { exact: true }).count()).toBe(1);
    }
    await shot('05-shortcuts');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('duplicates and deletes with the keyboard', async () => {
    await node('ACTIVITY', 'Run monthly huddles').click();
    await page.keyboard.press(`${MOD}+d`);
    await expect.poll(() => node('ACTIVITY', 'Run monthly huddles').count()).toBe(2);
    await page.keyboard.press('Delete');
    await expect.poll(() => node('ACTIVITY', 'Run monthly huddles').count()).toBe(1);
  });

  let saved = '';
  it('saves canonical JSON (a download here), re-opens it and saves the same bytes', async () => {
    const { text, name } = await saveDownload();
    expect(name).toBe('untitled-theory-of-change.toc.json');
    const parsed = parseModel(text);
    expect(parsed.ok).toBe(true);
    const model = (parsed as { model: Model }).model;
    expect(serializeModel(model)).toBe(text);
    expect(model.nodes.map((n) => `${n.kind}:${n.label}`).sort()).toEqual(
      ['activity:Run monthly huddles', 'input:New input', 'outcome:New outcome', 'stakeholder:New stakeholder'],
    );
    expect(model.nodes.find((n) => n.kind === 'activity')!.description).toBe('Weekly? No: monthly');
    expect(model.edges.map((e) => e.kind).sort()).toEqual(['enables', 'leads-to', 'participates-in']);
    await expect.poll(() => page.locator('.file-status__state').textContent()).toBe('Saved');
    saved = text;

    await menu('File', 'New…');
    await page.getByRole('button', { name: /^Blank model/ }).click();
    await expect.poll(() => nodes().count()).toBe(0);
    const file = path.join(SHOTS, name);
    (await import('node:fs')).writeFileSync(file, text);
    await page.setInputFiles('#open-file-input', file);
    await expect.poll(() => nodes().count()).toBe(4);
    expect((await saveDownload()).text).toBe(saved);
  });

  it('shows every problem of an invalid file and changes nothing without consent', async () => {
    const fixture = path.join(REPO, 'tests/fixtures/invalid/many-problems.toc.json');
    const expected = parseModel(readFileSync(fixture, 'utf8'));
    expect(expected.ok).toBe(false);
    const problems = (expected as { problems: { path: string; message: string; line: number; column: number }[] }).problems;
    await page.setInputFiles('#open-file-input', fixture);
    const dialog = page.getByRole('dialog', { name: 'many-problems.toc.json cannot be opened as it is' });
    await expect.poll(() => dialog.count()).toBe(1);
    const rows = dialog.locator('tr.problem');
    expect(await rows.count()).toBe(problems.length);
    for (const [i, problem] of problems.entries()) {
      expect(await rows.nth(i).locator('td').allTextContents()).toEqual([problem.path || '(the file)', `${problem.line}:${problem.column}`, problem.message]);
    }
    expect(await dialog.locator('.repair__list li').count()).toBeGreaterThan(0);
    await shot('06-invalid-file');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await nodes().count()).toBe(4); // the open model is untouched

    // A syntax error: its line and column, and no repair on offer.
    const broken = path.join(REPO, 'tests/fixtures/invalid/syntax-missing-comma.toc.json');
    await page.setInputFiles('#open-file-input', broken);
    const syntax = page.getByRole('dialog', { name: /syntax-missing-comma\.toc\.json/ });
    await expect.poll(() => syntax.count()).toBe(1);
    const first = (parseModel(readFileSync(broken, 'utf8')) as { problems: { line: number; column: number }[] }).problems[0]!;
    expect(await syntax.locator('tr.problem td').nth(1).textContent()).toBe(`${first.line}:${first.column}`);
    expect(await syntax.getByRole('button', { name: 'Repair and open' }).count()).toBe(0);
    await syntax.getByRole('button', { name: 'Close', exact: true }).last().click();

    // With consent, the repair removes exactly what it listed.
    await page.setInputFiles('#open-file-input', fixture);
    await dialog.getByRole('button', { name: 'Repair and open' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.locator('.notice', { hasText: /Opened many-problems\.toc\.json after \d+ repairs/ }).count()).toBe(1);
  });

  it('selects and centres the node of a finding when it is clicked', async () => {
    await page.setInputFiles('#open-file-input', path.join(REPO, 'tests/e2e/fixtures/with-findings.toc.json'));
    await expect.poll(() => page.locator('.finding[data-node-id]').count()).toBeGreaterThan(0);
    // Each lesson and each rule explains itself.
    expect(await page.locator('.lesson .lesson__summary').count()).toBeGreaterThan(0);
    const why = page.locator('.finding[data-node-id]').first().locator('.finding__why');
    await why.locator('summary').click();
    expect((await why.locator('p').first().textContent())?.length).toBeGreaterThan(10);
    const finding = page.locator('.finding[data-node-id]').first();
    const id = (await finding.getAttribute('data-node-id'))!;
    await finding.locator('.finding__main').click();
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    expect(await page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe(id);
    // Centred: the node's middle is near the middle of the canvas once the camera has moved.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await expect
      .poll(async () => {
        const at = await centre(page.locator('.react-flow__node.selected'));
        return Math.hypot(at.x - (pane.x + pane.width / 2), at.y - (pane.y + pane.height / 2));
      })
      .toBeLessThan(8);
    await shot('07-finding-selected');

    // Filter by severity: hiding warnings hides them, and nothing else.
    const warnings = () => page.locator('.finding--warning').count();
    expect(await warnings()).toBeGreaterThan(0);
    const errors = await page.locator('.finding--error').count();
    const toggle = page.getByRole('group', { name: 'Show findings by severity' }).getByRole('button', { name: /warning/ });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(warnings).toBe(0);
    expect(await page.locator('.finding--error').count()).toBe(errors);
    await toggle.click();
    await expect.poll(warnings).toBeGreaterThan(0);
  });

  it('finds a node by label and moves between nodes with the keyboard', async () => {
    await menu('File', 'New…');
    await page.getByRole('button', { name: /^Keystone ICU/ }).click();
    await expect.poll(() => nodes().count()).toBe((KEYSTONE as { model: Model }).model.nodes.length);
    const search = page.getByLabel('Find a node by label');
    await search.fill('compare their rates');
    await page.keyboard.press('Enter');
    const selected = page.locator('.react-flow__node.selected');
    await expect.poll(() => selected.locator('[id^="toc-node-name-"]').textContent()).toMatch(/^MECHANISM[^:]*: ICUs compare their rates/);
    const before = await selected.getAttribute('data-id');
    // Focus has moved from the search box to the node, so the keys go to the canvas.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(before);
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => selected.getAttribute('data-id')).not.toBe(before);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => selected.getAttribute('data-id')).toBe(before);
  });

  it('keeps the working copy in the browser and brings it back after a reload, with a notice', async () => {
    await page.locator('.react-flow__node.selected').click(); // in view: the previous test centred it
    const label = page.getByLabel('Label', { exact: true });
    await label.fill('Autosaved label');
    await emptyCanvasClick();
    // Generous waits: autosave and the restore after a reload are slow on a loaded machine.
    const patiently = { timeout: 15_000 };
    await expect.poll(() => page.locator('.file-status__autosave').getAttribute('data-state'), patiently).toBe('saved');
    await page.reload();
    await expect.poll(() => page.locator('.notice', { hasText: /Restored your working copy of “Keystone ICU/ }).count(), patiently).toBe(1);
    await expect.poll(() => node('[A-Z ·-]+', 'Autosaved label').count(), patiently).toBe(1);
    expect(dialogs).toContain('beforeunload'); // unsaved changes: the browser asked before leaving
    await shot('08-restored');
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
