// Tidy layout (in the Web Worker, one undo step, cancel) and the Export dialog, against the
// production build in Debian's Chromium. One session, in order.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/model';
import { downloadExport, openEditorOnExample, SCREENSHOTS as SHOTS, type EditorSession } from './browser';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const TMP = mkdtempSync(path.join(tmpdir(), 'toc-e2e-layout-'));

let session: EditorSession;
let page: Page;
let pageErrors: string[];

/** Where every node is drawn (React Flow's transform), by id. */
async function positions(): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => [n.dataset.id!, n.style.transform])),
  );
}

async function openModel(model: Model, name: string) {
  const file = path.join(TMP, name);
  writeFileSync(file, JSON.stringify(model));
  await page.setInputFiles('#open-file-input', file);
  await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 30_000 }).toBe(model.nodes.length);
}

/** Activities each leading to an outcome, crossing over to the next one's outcome too. */
function generated(count: number, extraLabel?: string): Model {
  const nodes: Model['nodes'] = [];
  const edges: Model['edges'] = [];
  for (let i = 0; i < count; i++) {
    nodes.push({ id: `a${i}`, kind: 'activity', label: i === 0 && extraLabel ? extraLabel : `Activity ${i}` });
    nodes.push({ id: `o${i}`, kind: 'outcome', label: `Outcome ${i} & more`, horizon: 'short' } as Model['nodes'][number]);
    edges.push({ id: `e${i}`, kind: 'leads-to', source: `a${i}`, target: `o${i}` });
    if (i > 0) edges.push({ id: `x${i}`, kind: 'leads-to', source: `a${i}`, target: `o${i - 1}` });
  }
  return { schemaVersion: 1, title: 'Generated programme', nodes, edges } as Model;
}

beforeAll(async () => {
  session = await openEditorOnExample();
  ({ page, pageErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

describe.sequential('layout and export', () => {
  it('tidies the layout in the worker and undoes it in one step', async () => {
    const before = await positions();
    await page.getByRole('toolbar', { name: 'Common actions' }).getByRole('button', { name: 'Tidy layout', exact: true }).click();
    const status = page.locator('.layout-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(await status.getAttribute('data-where')).toBe('worker');
    await expect.poll(async () => Object.entries(await positions()).filter(([id, t]) => before[id] !== t).length).toBeGreaterThan(0);
    // Edges now follow the layout's orthogonal routes (straight segments only).
    const paths = await page.locator('.react-flow__edge-path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
    expect(paths.some((d) => /^M [\d.-]+ [\d.-]+ L /.test(d))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'layout-tidied.png') });
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => positions()).toEqual(before);
  });

  it('exports an SVG with every label as text, a <script> label included, from a live preview', async () => {
    const model = generated(3, '<script>alert(1)</script>');
    await openModel(model, 'hostile.toc.json');
    await page.keyboard.press(`${MOD}+e`);
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect.poll(() => dialog.count()).toBe(1);
    const preview = dialog.getByRole('img', { name: /Preview of the diagram/ });
    await expect.poll(async () => (await preview.getAttribute('src')) ?? '').toMatch(/^blob:/);
    await page.screenshot({ path: path.join(SHOTS, 'export-dialog.png') });
    const svg = (await downloadExport(page, 'SVG drawing')).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        scripts: doc.getElementsByTagName('script').length,
        text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join('').replace(/\s+/g, ''),
      };
    }, svg);
    expect(parsed.error).toBe(false);
    expect(parsed.scripts).toBe(0);
    for (const n of model.nodes) expect(parsed.text).toContain(n.label.replace(/\s+/g, ''));
  });

  it('plans and downloads a PDF', async () => {
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption({ label: 'PDF for print' });
    await dialog.getByLabel('Paper size').selectOption('A3');
    await expect.poll(() => dialog.getByTestId('pdf-plan').textContent()).toMatch(/^\d+ pages?.*smallest text \d+(\.\d)? pt\.$/);
    const pdf = await downloadExport(page, 'PDF for print');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('cancels a running layout: nothing moves and the status says so', async () => {
    await openModel(generated(300), 'large.toc.json');
    const before = await positions();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${MOD}+Shift+L`);
    await page.getByRole('button', { name: 'Cancel layout' }).click();
    const status = page.locator('.layout-status');
    expect(await status.getAttribute('data-state')).toBe('cancelled');
    expect(await status.textContent()).toContain('Layout cancelled');
    await page.waitForTimeout(1500);
    expect(await status.getAttribute('data-state')).toBe('cancelled');
    expect(await positions()).toEqual(before);
  });

  it('asks before opening a file over unsaved changes', async () => {
    await page.getByRole('toolbar', { name: 'Common actions' }).getByRole('button', { name: 'Tidy layout', exact: true }).click();
    await expect.poll(() => page.locator('.layout-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    const asked = session.dialogs.filter((type) => type === 'confirm').length;
    await openModel(generated(2), 'after-changes.toc.json');
    expect(session.dialogs.filter((type) => type === 'confirm').length).toBe(asked + 1);
  });

  it('moves a few hundred nodes into place over several frames, the links drawn again, routed, once all are there', async () => {
    const model = generated(150);
    await openModel(model, 'three-hundred.toc.json');
    // Per update of the nodes' places: how many links were drawn with it.
    await page.evaluate(`(() => {
      window.__linksPerMove = [];
      new MutationObserver((records) => {
        if (records.some((r) => r.attributeName === 'style' && r.target.classList.contains('react-flow__node'))) window.__linksPerMove.push(document.querySelectorAll('.react-flow__edge').length);
      }).observe(document.querySelector('.react-flow__nodes'), { subtree: true, attributes: true, attributeFilter: ['style'] });
    })()`);
    await page.getByRole('toolbar', { name: 'Common actions' }).getByRole('button', { name: 'Tidy layout', exact: true }).click();
    await expect.poll(() => page.locator('.layout-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    const routed = () => page.locator('.react-flow__edge-path').evaluateAll((els) => els.filter((e) => /^M [\d.-]+ [\d.-]+ L /.test(e.getAttribute('d') ?? '')).length);
    await expect.poll(routed, { timeout: 15_000 }).toBe(model.edges.length);
    // 300 nodes at 100 a frame: at least three separate updates of the canvas, not one, with no
    // link drawn until the last.
    const linksPerMove = (await page.evaluate('window.__linksPerMove')) as number[];
    expect(linksPerMove.length).toBeGreaterThanOrEqual(3);
    expect(linksPerMove.slice(0, -1).every((links) => links === 0)).toBe(true);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(routed, { timeout: 15_000 }).toBe(0);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
