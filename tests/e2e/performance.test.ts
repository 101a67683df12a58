// The editor's performance decisions (docs/architecture.md, "Performance"), as behaviour: the rule
// checker runs in a Web Worker and its findings still follow each edit; typing in a label changes
// that one node on the canvas and no other.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/model';
import { openEditorOnExample, type EditorSession } from './browser';

let session: EditorSession;
let page: Page;

const finding = (rule: string, nodeId: string) => page.locator(`.finding[data-rule="${rule}"][data-node-id="${nodeId}"]`);
const selectedId = async () => (await page.locator('.react-flow__node.selected').getAttribute('data-id'))!;

beforeAll(async () => {
  session = await openEditorOnExample();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

describe.sequential('performance decisions', () => {
  it('checks the model in a Web Worker, and its findings follow each edit', async () => {
    await expect.poll(() => page.workers().some((worker) => /lint-worker/.test(worker.url()))).toBe(true);
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('button', { name: /^New…/ }).click();
    await page.getByRole('button', { name: /^Blank model/ }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);

    await page.getByRole('button', { name: 'Add activity', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    const activity = await selectedId();
    await expect.poll(() => finding('activity-owned', activity).count()).toBe(1);

    await page.getByRole('button', { name: 'Add stakeholder', exact: true }).click();
    await expect.poll(async () => (await selectedId()) !== activity).toBe(true);
    const owner = await selectedId();
    // The keyboard way to link: the inspector's "Add a link to".
    await page.getByLabel('Add a link to').selectOption(activity);
    await page.getByLabel('Kind of link').selectOption('owns');
    await page.getByRole('button', { name: 'Add link' }).click();
    await expect.poll(() => finding('activity-owned', activity).count()).toBe(0);
    expect(await page.locator(`.react-flow__edge`).count()).toBe(1);
    expect(owner).not.toBe(activity);
  });

  it('changes only the edited node on the canvas while a label is typed', async () => {
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('button', { name: /^New…/ }).click();
    await page.getByRole('button', { name: /Keystone/ }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(40);
    await page.locator('.react-flow__node').nth(5).click();
    const id = await selectedId();
    await page.evaluate(`(() => {
      window.__changed = new Set();
      new MutationObserver((records) => {
        for (const r of records) {
          const target = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          window.__changed.add(target.closest('.react-flow__node')?.getAttribute('data-id') ?? 'outside a node');
        }
      }).observe(document.querySelector('.react-flow__nodes'), { subtree: true, childList: true, characterData: true, attributes: true });
    })()`);
    const label = page.getByLabel('Label', { exact: true });
    await label.click();
    await label.press('End');
    await label.pressSequentially(' typed', { delay: 20 });
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${id}"] .toc-node__label`).textContent()).toMatch(/typed$/);
    expect(await page.evaluate('[...window.__changed]')).toEqual([id]);
  });

  it('tells React Flow a typed label’s new size after a pause, not on each key', async () => {
    const id = await selectedId();
    const box = `.react-flow__node[data-id="${id}"]`;
    // In the page, so no timing of the test's own round trips: each time the drawn node and React
    // Flow's box around it disagree on the height, and for how long.
    await page.evaluate(`(() => {
      const wrapper = document.querySelector('${box}');
      const node = wrapper.querySelector('.toc-node');
      window.__mismatch = { since: null, longest: 0, count: 0 };
      const check = () => {
        const m = window.__mismatch;
        const differ = node.style.height !== wrapper.style.height;
        if (differ && m.since === null) { m.since = performance.now(); m.count++; }
        if (!differ && m.since !== null) { m.longest = Math.max(m.longest, performance.now() - m.since); m.since = null; }
      };
      new MutationObserver(check).observe(wrapper, { subtree: true, attributes: true, attributeFilter: ['style'] });
    })()`);
    const label = page.getByLabel('Label', { exact: true });
    const before = await page.locator(`${box} .toc-node`).evaluate((n) => n.getBoundingClientRect().height);
    await label.pressSequentially(' and a good many more words, enough to wrap', { delay: 15 });
    // The drawn node grows with the text at once...
    await expect.poll(() => page.locator(`${box} .toc-node`).evaluate((n) => n.getBoundingClientRect().height)).toBeGreaterThan(before);
    // ...and React Flow's box (where links meet the node) catches up once typing pauses.
    await expect.poll(() => page.locator(box).evaluate((w) => w.style.height === (w.querySelector('.toc-node') as HTMLElement).style.height), { timeout: 10_000 }).toBe(true);
    const mismatch = (await page.evaluate('window.__mismatch')) as { longest: number; count: number };
    expect(mismatch.count).toBeGreaterThan(0);
    // Told on each key, React Flow would follow within a frame or two; it waits for the pause (≥ 400 ms).
    expect(mismatch.longest).toBeGreaterThanOrEqual(300);
  });

  it('shows the file status of a key in the frame after the key’s own', async () => {
    const id = await selectedId();
    await expect.poll(() => page.locator('.file-status__autosave').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    // Per frame (counted by requestAnimationFrame): when the node and the file status first change.
    await page.evaluate(`(() => {
      const seen = (window.__frameOf = { frame: 0 });
      const tick = () => { seen.frame++; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      const watch = (selector, name) => new MutationObserver(() => { seen[name] ??= seen.frame; })
        .observe(document.querySelector(selector), { subtree: true, childList: true, characterData: true, attributes: true });
      watch('.react-flow__node[data-id="${id}"]', 'node');
      watch('.file-status', 'status');
    })()`);
    const label = page.getByLabel('Label', { exact: true });
    await label.press('End');
    await label.press('!');
    await expect.poll(() => page.locator('.file-status__autosave').textContent()).toBe('Autosaving…');
    const { node, status } = (await page.evaluate('window.__frameOf')) as { node: number; status: number };
    expect(status).toBeGreaterThan(node);
  });

  it('draws only what is in view of a big model, and finding a node out of view still takes keyboard focus to it', async () => {
    const nodes: Model['nodes'] = [];
    const edges: Model['edges'] = [];
    for (let i = 0; i < 600; i++) {
      nodes.push({ id: `a${i}`, kind: 'activity', label: `Activity ${i}` }, { id: `o${i}`, kind: 'outcome', label: `Outcome ${i}`, horizon: 'short' } as Model['nodes'][number]);
      edges.push({ id: `e${i}`, kind: 'leads-to', source: `a${i}`, target: `o${i}` });
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'toc-e2e-big-'));
    const file = path.join(dir, 'big.toc.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, title: 'Twelve hundred nodes', nodes, edges }));
    await page.setInputFiles('#open-file-input', file);
    await expect.poll(() => page.locator('.file-status__title').textContent()).toBe('Twelve hundred nodes');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(0);

    const search = page.getByRole('combobox', { name: 'Find a node by label' });
    await search.fill('Outcome 599');
    await search.press('Enter');
    // The view pans to the far end of the model; the node, drawn once in view, takes focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id'))).toBe('o599');
    const drawn = await page.locator('.react-flow__node').count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(200);
    expect(await page.locator('.react-flow__node[data-id="a0"]').count()).toBe(0);
    // Alt+arrow goes on from there, to a node drawn once it is selected.
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id'))).toBe('a599');
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves the nodes of a big model that stay out of view in one update when Tidy lands, not a hundred a frame', async () => {
    // The model and view of the test before: 1,200 nodes, a few of them in view. The overview draws
    // every node as a rectangle in its colour's path, so each update of those paths is an update of
    // React Flow's nodes, and the rectangles it did not draw before are the nodes it moved.
    await page.evaluate(`(() => {
      window.__overviewMoves = [];
      const rects = (path) => new Set(path.getAttribute('d').split('z'));
      const drawn = new Map([...document.querySelectorAll('.overview-nodes')].map((path) => [path, rects(path)]));
      new MutationObserver((records) => {
        let moved = 0;
        for (const path of new Set(records.map((r) => r.target).filter((t) => t.classList.contains('overview-nodes')))) {
          const before = drawn.get(path) ?? new Set();
          const now = rects(path);
          for (const rect of now) if (!before.has(rect)) moved++;
          drawn.set(path, now);
        }
        if (moved > 0) window.__overviewMoves.push(moved);
      }).observe(document.querySelector('.react-flow__minimap'), { subtree: true, attributes: true, attributeFilter: ['d'] });
    })()`);
    await page.getByRole('toolbar', { name: 'Common actions' }).getByRole('button', { name: 'Tidy layout', exact: true }).click();
    await expect.poll(() => page.locator('.layout-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    await expect.poll(() => page.locator('.react-flow__edge').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const moves = (await page.evaluate('window.__overviewMoves')) as number[];
    // Most nodes are out of view before and after: they move together, far more than 100 at once...
    expect(Math.max(...moves)).toBeGreaterThan(600);
    // ...and the move is done in a few updates, not the twelve of 100 nodes each.
    expect(moves.length).toBeLessThan(12);
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
