// Reading a big model, end to end in Debian's Chromium: highlight a pathway, the causal spine only,
// filters by kind and by finding, collapse and expand a group; none of it edits the model.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint';
import { GraphIndex, parseModel, serializeModel, type Model } from '../../src/model';
import { aroundMarked, causalSpine, pathway } from '../../src/model/pathways';
import { openEditorSession, SCREENSHOTS, type EditorSession } from './browser';

const REPO = path.resolve(import.meta.dirname, '../..');
const MODEL = (parseModel(readFileSync(path.join(REPO, 'examples/keystone-icu.toc.json'), 'utf8')) as { ok: true; model: Model }).model;
const GRAPH = new GraphIndex(MODEL);
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

let session: EditorSession;
let page: Page;

const sorted = (ids: Iterable<string>) => [...ids].sort();
const label = (id: string) => GRAPH.node(id)!.label;
/** A node on the canvas by its accessible name ("TAG: label…"). */
const node = (id: string) => page.getByRole('group', { name: new RegExp(`^${GRAPH.node(id)!.kind.toUpperCase()}[^:]*: ${escape(label(id))}(,|$)`) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const reading = () => page.getByRole('toolbar', { name: 'Reading view' });
const notice = () => page.locator('.reading-notice [role="status"]');
const drawnIds = (selector = '') => page.locator(`.react-flow__node${selector}`).evaluateAll((els) => els.map((el) => el.getAttribute('data-id')!).sort());
const nodeCount = () => page.locator('.react-flow__node').count();
/** Nodes drawn faded (as the browser computes their opacity). */
const dimmedIds = () =>
  page.locator('.react-flow__node').evaluateAll((els) => els.filter((el) => Number(getComputedStyle(el).opacity) < 0.5).map((el) => el.getAttribute('data-id')!).sort());

/** The model is untouched: no unsaved changes, nothing to undo. */
async function expectUnchanged() {
  expect(await page.locator('.file-status__state').getAttribute('data-dirty')).toBe('false');
  expect(await page.getByRole('toolbar', { name: 'Common actions' }).getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
}

beforeAll(async () => {
  session = await openEditorSession();
  page = session.page;
  await page.goto(session.url);
  await page.locator('.react-flow__node').nth(MODEL.nodes.length - 1).waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe.sequential('reading a model', () => {
  it('highlights the pathway of the selected node: the path emphasised, its satellites quieter, the rest dimmed', async () => {
    await node('act-checklist').click();
    await reading().getByRole('button', { name: 'Highlight pathway' }).click();
    const expected = pathway(GRAPH, ['act-checklist']);
    // What the checklist leads to and what enables it; a parallel activity is not on its path.
    expect(expected.nodes.has('imp-zero') && expected.nodes.has('in-expertise') && !expected.nodes.has('act-calls')).toBe(true);
    await expect.poll(() => drawnIds('.reading-on')).toEqual(sorted(expected.nodes));
    expect(await drawnIds('.reading-focus')).toEqual(['act-checklist']);
    expect(await drawnIds('.reading-aside')).toEqual(sorted(expected.satellites.nodes));
    const rest = MODEL.nodes.map((n) => n.id).filter((id) => !expected.nodes.has(id) && !expected.satellites.nodes.has(id));
    expect(await dimmedIds()).toEqual(sorted(rest));
    expect(rest.length).toBeGreaterThan(0);
    expect(await nodeCount()).toBe(MODEL.nodes.length); // dimmed, not hidden
    const onEdges = await page.locator('.react-flow__edge.reading-on').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')!).sort());
    expect(onEdges).toEqual(sorted(expected.edges));
    expect(await notice().textContent()).toBe(`Pathway of “${label('act-checklist')}”: ${expected.nodes.size} nodes highlighted, others dimmed`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reading-01-pathway.png') });
    await expectUnchanged();
  });

  it('turns the highlight off with H, and on again from the inspector', async () => {
    await node('act-checklist').click();
    await page.keyboard.press('h');
    await expect.poll(() => dimmedIds()).toEqual([]);
    expect(await notice().count()).toBe(0);
    await page.getByRole('button', { name: 'Highlight its pathway' }).click();
    await expect.poll(() => drawnIds('.reading-focus')).toEqual(['act-checklist']);
    await page.getByRole('button', { name: 'Clear the view and show the whole model' }).click();
    await expect.poll(() => dimmedIds()).toEqual([]);
  });

  it('shows the causal spine only, and says how much is hidden', async () => {
    await reading().getByRole('button', { name: 'Causal spine only' }).click();
    const spine = causalSpine(GRAPH);
    await expect.poll(drawnIds).toEqual(sorted(spine.nodes));
    expect(await page.locator('.react-flow__edge').count()).toBe(spine.edges.size);
    expect(await notice().textContent()).toBe(`Showing ${spine.nodes.size} of ${MODEL.nodes.length} nodes`);
    expect(spine.nodes.size).toBeLessThan(MODEL.nodes.length);
    await expectUnchanged();
  });

  it('filters by kind on top of the spine, then by kind alone', async () => {
    await reading().getByRole('button', { name: /^Filter/ }).click();
    const filters = page.getByRole('group', { name: 'Filter the view' });
    await filters.getByRole('checkbox', { name: 'Mechanisms' }).uncheck();
    const spineWithout = [...causalSpine(GRAPH).nodes].filter((id) => GRAPH.node(id)!.kind !== 'mechanism');
    await expect.poll(drawnIds).toEqual(sorted(spineWithout));
    expect(await notice().textContent()).toBe(`Showing ${spineWithout.length} of ${MODEL.nodes.length} nodes`);
    await reading().getByRole('button', { name: 'Causal spine only' }).click();
    const withoutMechanisms = MODEL.nodes.filter((n) => n.kind !== 'mechanism').map((n) => n.id);
    await expect.poll(drawnIds).toEqual(sorted(withoutMechanisms));
    // Links of every kind stay between the nodes shown.
    const links = MODEL.edges.filter((e) => GRAPH.node(e.source)!.kind !== 'mechanism' && GRAPH.node(e.target)!.kind !== 'mechanism');
    expect(await page.locator('.react-flow__edge').count()).toBe(links.length);
    await filters.getByRole('button', { name: 'Show every kind' }).click();
    await expect.poll(nodeCount).toBe(MODEL.nodes.length);
    expect(await notice().count()).toBe(0);
    await filters.getByRole('checkbox', { name: 'Risks' }).focus();
    await page.keyboard.press('Escape');
    expect(await filters.count()).toBe(0);
  });

  it('collapses a selection into a named group, merging its links, and expands it again', async () => {
    const members = ['act-science', 'act-teamwork', 'out-trained'];
    await node(members[0]!).click();
    for (const id of members.slice(1)) await node(id).click({ modifiers: [MOD] });
    await expect.poll(() => drawnIds('.selected')).toEqual(sorted(members));
    await reading().getByRole('button', { name: 'Collapse…' }).click();
    const form = page.getByRole('form', { name: 'Collapse the selection into a group' });
    await form.getByRole('textbox', { name: 'Group name' }).fill('Training <b>pathway</b>');
    await form.getByRole('button', { name: 'Collapse', exact: true }).click();

    await expect.poll(nodeCount).toBe(MODEL.nodes.length - members.length + 1);
    const group = page.getByRole('group', { name: 'GROUP: Training <b>pathway</b>, 3 nodes' });
    expect(await group.count()).toBe(1);
    expect(await page.locator('.reading-group b').count()).toBe(0); // text, never HTML
    for (const id of members) expect(await node(id).count()).toBe(0);
    // Inside links hidden; links to the outside merged, one per neighbour and direction.
    const touching = MODEL.edges.filter((e) => members.includes(e.source) !== members.includes(e.target));
    const ends = new Set(touching.map((e) => (members.includes(e.source) ? `out:${e.target}` : `in:${e.source}`)));
    const drawnEdges = MODEL.edges.length - MODEL.edges.filter((e) => members.includes(e.source) || members.includes(e.target)).length + ends.size;
    expect(await page.locator('.react-flow__edge').count()).toBe(drawnEdges);
    expect(ends.size).toBeLessThan(touching.length); // at least one merged link stands for several
    expect(await page.locator('.react-flow__edge', { hasText: /\d+ links/ }).count()).toBeGreaterThan(0);
    expect(await notice().textContent()).toBe('3 nodes in 1 collapsed group');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reading-02-group.png') });

    // The group, the merged links, the notice and the open filters pass axe (no serious or critical issue).
    await reading().getByRole('button', { name: /^Filter/ }).click();
    await page.addScriptTag({ path: path.join(REPO, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(`axe.run(document).then((result) => result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`);
    expect(violations).toEqual([]);
    await page.getByRole('group', { name: 'Filter the view' }).getByRole('button', { name: 'Close filters' }).click();

    // The group is not part of the model: Delete on it removes nothing.
    await group.focus();
    await page.keyboard.press('Delete');
    expect(await nodeCount()).toBe(MODEL.nodes.length - members.length + 1);
    await expectUnchanged();
    // Nor does Delete on a member found by name: it is selected (the inspector shows it) but hidden.
    await page.getByRole('combobox', { name: 'Find a node by label' }).fill(label('out-trained'));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Node', exact: true }).waitFor();
    expect(await page.getByLabel('Label', { exact: true }).inputValue()).toBe(label('out-trained'));
    await page.evaluate('document.activeElement.blur()');
    await page.keyboard.press('Delete');
    await expectUnchanged();
    expect(await group.count()).toBe(1);

    // From the keyboard: links drawn across the small group may be on top of it for a pointer.
    await group.getByRole('button', { name: 'Expand group “Training <b>pathway</b>”' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(nodeCount).toBe(MODEL.nodes.length);
    expect(await page.locator('.react-flow__edge').count()).toBe(MODEL.edges.length);
    await expect.poll(() => drawnIds('.selected')).toEqual(sorted(members));
    await expectUnchanged();
  });

  it('collapses with the keyboard and expands on double-click; Save writes the model exactly as opened', async () => {
    await page.keyboard.press('h'); // the pathway of the three selected nodes
    await expect.poll(() => drawnIds('.reading-focus')).toHaveLength(3);
    await page.keyboard.press(`${MOD}+g`);
    const name = page.getByRole('textbox', { name: 'Group name' });
    await expect.poll(() => name.count()).toBe(1);
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const group = page.getByRole('group', { name: 'GROUP: Group of 3 nodes, 3 nodes' });
    await expect.poll(() => group.count()).toBe(1);
    // A group holding the pathway's nodes is emphasised as a whole, as are its merged links on the path.
    expect(await page.locator('.react-flow__node.reading-group-node.reading-on').count()).toBe(1);
    expect(await page.locator('.react-flow__edge.reading-merged.reading-on').count()).toBeGreaterThan(0);
    expect(await notice().textContent()).toMatch(/^3 nodes in 1 collapsed group · Pathway of 3 nodes: \d+ nodes highlighted, others dimmed$/);
    await group.locator('.reading-group__label').dispatchEvent('dblclick');
    await expect.poll(nodeCount).toBe(MODEL.nodes.length);
    await page.keyboard.press('Shift+H');
    await expect.poll(() => notice().count()).toBe(0);

    const download = page.waitForEvent('download');
    await page.keyboard.press(`${MOD}+s`);
    const file = await download;
    expect(readFileSync((await file.path())!, 'utf8')).toBe(serializeModel(MODEL));
  });

  it('filters by lesson finding and by severity (in a model with findings); opening it clears the view', async () => {
    await reading().getByRole('button', { name: 'Causal spine only' }).click();
    await expect.poll(() => notice().count()).toBe(1);
    const fixture = path.join(REPO, 'tests/e2e/fixtures/with-findings.toc.json');
    await page.setInputFiles('#open-file-input', fixture);
    const model = (parseModel(readFileSync(fixture, 'utf8')) as { ok: true; model: Model }).model;
    await expect.poll(() => page.locator('.finding[data-node-id]').count()).toBeGreaterThan(0);
    expect(await notice().count()).toBe(0);
    const graph = new GraphIndex(model);
    const findings = lint(model).filter((f) => !f.suppressed);
    const expectedFor = (keep: (f: (typeof findings)[number]) => boolean) => {
      const marked = findings.filter(keep);
      return sorted(aroundMarked(graph, new Set(marked.flatMap((f) => f.nodeId ?? [])), new Set(marked.flatMap((f) => f.edgeId ?? []))).nodes);
    };
    await reading().getByRole('button', { name: /^Filter/ }).click();
    const filters = page.getByRole('group', { name: 'Filter the view' });
    await filters.getByRole('combobox', { name: 'Only nodes and links with findings of' }).selectOption('1');
    const lesson1 = expectedFor((f) => f.lesson === 1);
    expect(lesson1.length).toBeGreaterThan(0);
    expect(lesson1.length).toBeLessThan(model.nodes.length);
    await expect.poll(drawnIds).toEqual(lesson1);
    expect(await notice().textContent()).toBe(`Showing ${lesson1.length} of ${model.nodes.length} nodes`);
    await filters.getByRole('combobox', { name: 'Of severity' }).selectOption('error');
    const lesson1Errors = expectedFor((f) => f.lesson === 1 && f.severity === 'error');
    await expect.poll(drawnIds).toEqual(lesson1Errors);
    expect(await notice().textContent()).toBe(`Showing ${lesson1Errors.length} of ${model.nodes.length} nodes`);
    await filters.getByRole('combobox', { name: 'Only nodes and links with findings of' }).selectOption('any');
    const errors = expectedFor((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    await expect.poll(drawnIds).toEqual(errors);
    await filters.getByRole('button', { name: 'Close filters' }).click();
    await reading().getByRole('button', { name: 'Clear view' }).click();
    await expect.poll(nodeCount).toBe(model.nodes.length);
    await expectUnchanged();
    expect(session.pageErrors).toEqual([]);
  });
});
