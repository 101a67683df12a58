// The editor's performance decisions (docs/architecture.md, "Performance"), as behaviour: the rule
// checker runs in a Web Worker and its findings still follow each edit; typing in a label changes
// that one node on the canvas and no other.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEditorSession, type EditorSession } from './browser';

let session: EditorSession;
let page: Page;

const finding = (rule: string, nodeId: string) => page.locator(`.finding[data-rule="${rule}"][data-node-id="${nodeId}"]`);
const selectedId = async () => (await page.locator('.react-flow__node.selected').getAttribute('data-id'))!;

beforeAll(async () => {
  session = await openEditorSession();
  page = session.page;
  await page.goto(session.url);
  await page.locator('.react-flow__node').first().waitFor();
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

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
