// Nothing the user made is lost: Save asks before replacing a file changed on disk, a second tab does
// not overwrite the first one's working copy, and the working copy survives a crash of the page.
// The file pickers return real FileSystemFileHandles from the Origin Private File System.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModel, serializeModel, type Model } from '../../src/model';
import { openEditorSession, type EditorSession } from './browser';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

const MODEL: Model = {
  schemaVersion: 1,
  title: 'Safety model',
  nodes: [
    { id: 'a', kind: 'activity', label: 'Run huddles', position: { x: 0, y: 0 } },
    { id: 'o', kind: 'outcome', label: 'Fewer infections', horizon: 'short', position: { x: 400, y: 0 } },
  ],
  edges: [{ id: 'e', kind: 'leads-to', source: 'a', target: 'o' }],
} as Model;

// Page-side helpers, as strings: tsx would wrap functions in __name, which the page lacks.
const opfsWrite = (name: string, text: string) =>
  `(async () => { const root = await navigator.storage.getDirectory(); const h = await root.getFileHandle(${JSON.stringify(name)}, { create: true });` +
  ` const w = await h.createWritable(); await w.write(${JSON.stringify(text)}); await w.close(); })()`;
const opfsRead = (name: string) =>
  `(async () => { const root = await navigator.storage.getDirectory(); return (await (await root.getFileHandle(${JSON.stringify(name)})).getFile()).text(); })()`;
const WORKING_COPY = `new Promise((resolve, reject) => { const r = indexedDB.open('toc-studio'); r.onerror = () => reject(r.error);
  r.onsuccess = () => { const g = r.result.transaction('working-copy').objectStore('working-copy').get('current');
  g.onsuccess = () => { resolve(g.result ? g.result.text : null); r.result.close(); }; g.onerror = () => reject(g.error); }; })`;
const SET_OWNER = (owner: string) => `new Promise((resolve, reject) => { const r = indexedDB.open('toc-studio'); r.onerror = () => reject(r.error);
  r.onsuccess = () => { const t = r.result.transaction('working-copy', 'readwrite'); t.objectStore('working-copy').put(${JSON.stringify(owner)}, 'owner');
  t.oncomplete = () => { resolve(null); r.result.close(); }; t.onerror = () => reject(t.error); }; })`;
const PICKERS = `
  window.showOpenFilePicker = async () => [await (await navigator.storage.getDirectory()).getFileHandle('model.toc.json')];
  window.showSaveFilePicker = async () => (await navigator.storage.getDirectory()).getFileHandle('copy.toc.json', { create: true });`;

let session: EditorSession;
let page: Page;
let pageErrors: string[];

const titleOf = (text: unknown) => {
  const parsed = typeof text === 'string' ? parseModel(text) : undefined;
  return parsed?.ok ? parsed.model.title : undefined;
};
/** Reloads and new pages start the whole app: more than expect.poll's default second on a busy machine. */
const SLOW = { timeout: 15_000 };
/** The title in a file the editor is writing: the unsaved mark lags the edit (it is set when autosave
 * runs), and reading while the write is under way fails, so poll until the write has landed. */
const writtenTitle = (p: Page, name: string) => expect.poll(() => p.evaluate(opfsRead(name)).then(titleOf, () => undefined), SLOW);
const autosaveState = (p: Page) => p.locator('.file-status__autosave').getAttribute('data-state');

/** Types a new model title in the inspector (nothing selected: it shows the model's settings). */
async function setTitle(p: Page, title: string) {
  await p.keyboard.press('Escape');
  await p.getByLabel('Title', { exact: true }).fill(title);
  await p.getByLabel('Title', { exact: true }).blur();
}

beforeAll(async () => {
  session = await openEditorSession();
  ({ page, pageErrors } = session);
  await page.addInitScript(PICKERS);
  await page.goto(session.url);
  await page.locator('.react-flow__node').first().waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe.sequential('nothing is lost', () => {
  it('asks before saving over a file that changed on disk: cancel, save a copy, open it as it is, or overwrite', async () => {
    await page.evaluate(opfsWrite('model.toc.json', JSON.stringify(MODEL)));
    await page.keyboard.press(`${MOD}+o`);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    expect(await page.locator('.file-status__name').textContent()).toBe('model.toc.json');
    await setTitle(page, 'Edited in the editor');
    // The unsaved mark follows the edit at once, not when autosave runs later.
    expect(await page.locator('.file-status__state').getAttribute('data-dirty')).toBe('true');

    // Saved once without any change on disk: no question.
    await page.keyboard.press(`${MOD}+s`);
    await expect.poll(() => page.locator('.file-status__state').textContent()).toBe('Saved');
    await writtenTitle(page, 'model.toc.json').toBe('Edited in the editor');

    // Someone else changes the file; the editor changes the model too.
    const external = serializeModel({ ...MODEL, title: 'Edited elsewhere' });
    await page.evaluate(opfsWrite('model.toc.json', external));
    await setTitle(page, 'Edited again in the editor');
    const question = page.getByRole('dialog', { name: 'model.toc.json has changed on disk' });

    await page.keyboard.press(`${MOD}+s`);
    await expect.poll(() => question.count()).toBe(1);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => question.count()).toBe(0);
    expect(await page.evaluate(opfsRead('model.toc.json'))).toBe(external);
    await expect.poll(() => page.locator('.file-status__state').textContent()).toMatch(/Unsaved changes$/);

    await page.keyboard.press(`${MOD}+s`);
    await question.getByRole('button', { name: 'Save as a copy…' }).click();
    await expect.poll(() => page.locator('.file-status__name').textContent()).toBe('copy.toc.json');
    await writtenTitle(page, 'copy.toc.json').toBe('Edited again in the editor');
    expect(await page.evaluate(opfsRead('model.toc.json'))).toBe(external);

    // Back to model.toc.json (opening it reads the external change), then change it on disk again:
    // the user may prefer the version on disk…
    await page.keyboard.press(`${MOD}+o`);
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('Edited elsewhere');
    const twice = serializeModel({ ...MODEL, title: 'Edited elsewhere twice' });
    await page.evaluate(opfsWrite('model.toc.json', twice));
    await setTitle(page, 'Not wanted after all');
    await page.keyboard.press(`${MOD}+s`);
    await question.getByRole('button', { name: 'Open the file as it is now' }).click();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue()).toBe('Edited elsewhere twice');
    expect(await page.evaluate(opfsRead('model.toc.json'))).toBe(twice);

    // …or their own.
    await page.evaluate(opfsWrite('model.toc.json', serializeModel({ ...MODEL, title: 'Edited elsewhere thrice' })));
    await setTitle(page, 'Mine wins');
    await page.keyboard.press(`${MOD}+s`);
    await question.getByRole('button', { name: 'Overwrite the file' }).click();
    await expect.poll(() => page.locator('.file-status__state').textContent()).toBe('Saved');
    await writtenTitle(page, 'model.toc.json').toBe('Mine wins');
    const saved = String(await page.evaluate(opfsRead('model.toc.json')));
    expect((parseModel(saved) as { model: Model }).model.nodes.map((n) => n.label)).toEqual(['Run huddles', 'Fewer infections']);
  });

  it('warns in a second tab and does not let it overwrite the first tab’s working copy', async () => {
    await setTitle(page, 'Tab one');
    await expect.poll(() => autosaveState(page), SLOW).toBe('saved');
    const second = await page.context().newPage();
    second.on('pageerror', (error) => pageErrors.push(error.message));
    await second.goto(session.url);
    const banner = second.getByRole('alert').filter({ hasText: 'This model is open in another tab' });
    await expect.poll(() => banner.count(), SLOW).toBe(1);
    expect(await page.getByRole('alert').filter({ hasText: 'another tab' }).count()).toBe(0);
    await expect.poll(() => second.getByLabel('Title', { exact: true }).inputValue(), SLOW).toBe('Tab one'); // what tab one autosaved

    await setTitle(second, 'Tab two');
    await expect.poll(() => autosaveState(second), SLOW).toBe('paused');
    expect(await second.locator('.file-status__autosave').textContent()).toBe('Not autosaved: open in another tab');
    expect(titleOf(await second.evaluate(WORKING_COPY))).toBe('Tab one');

    await setTitle(page, 'Tab one, later');
    await expect.poll(() => autosaveState(page), SLOW).toBe('saved');
    expect(titleOf(await second.evaluate(WORKING_COPY))).toBe('Tab one, later');

    // Tab one reloads: its own changes come back, and it still keeps the working copy.
    await page.reload();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue(), SLOW).toBe('Tab one, later');
    expect(await page.getByRole('alert').filter({ hasText: 'another tab' }).count()).toBe(0);
    await setTitle(second, 'Tab two, still');
    await expect.poll(() => autosaveState(second), SLOW).toBe('paused');
    expect(titleOf(await page.evaluate(WORKING_COPY))).toBe('Tab one, later');

    // Taking over is a choice: then tab two autosaves and tab one is the one warned.
    await banner.getByRole('button', { name: 'Autosave this tab instead' }).click();
    await expect.poll(() => banner.count(), SLOW).toBe(0);
    await expect.poll(() => autosaveState(second), SLOW).toBe('saved');
    expect(titleOf(await page.evaluate(WORKING_COPY))).toBe('Tab two, still');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'This model is open in another tab' }).count()).toBe(1);
    await setTitle(page, 'Tab one, after the take-over');
    await expect.poll(() => autosaveState(page), SLOW).toBe('paused');
    expect(titleOf(await page.evaluate(WORKING_COPY))).toBe('Tab two, still');
    await second.close();
    await page.reload();
    await expect.poll(() => page.getByLabel('Title', { exact: true }).inputValue(), SLOW).toBe('Tab two, still');
  });

  it('refuses a write that arrives after another tab took the working copy', async () => {
    await setTitle(page, 'Mine for now');
    await expect.poll(() => autosaveState(page), SLOW).toBe('saved');
    // The owner record as another tab's take-over leaves it, before this tab has heard of it.
    await page.evaluate(SET_OWNER('another-tab'));
    await setTitle(page, 'Too late');
    await expect.poll(() => autosaveState(page), SLOW).toBe('paused');
    expect(titleOf(await page.evaluate(WORKING_COPY))).toBe('Mine for now');
    const banner = page.getByRole('alert').filter({ hasText: 'This model is open in another tab' });
    await expect.poll(() => banner.count(), SLOW).toBe(1);
    await banner.getByRole('button', { name: 'Autosave this tab instead' }).click();
    await expect.poll(() => autosaveState(page), SLOW).toBe('saved');
    expect(titleOf(await page.evaluate(WORKING_COPY))).toBe('Too late');
    await expect.poll(() => banner.count(), SLOW).toBe(0);
  });

  it('brings the working copy back after the page crashes (no unload, no save)', async () => {
    await setTitle(page, 'Before the crash');
    await expect.poll(() => autosaveState(page), SLOW).toBe('saved');
    const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
    await page.goto('chrome://crash').catch(() => undefined);
    await crashed;
    const fresh = await page.context().newPage();
    fresh.on('pageerror', (error) => pageErrors.push(error.message));
    await fresh.goto(session.url);
    await expect.poll(() => fresh.getByLabel('Title', { exact: true }).inputValue(), SLOW).toBe('Before the crash');
    await expect.poll(() => fresh.locator('.notice', { hasText: /Restored your working copy of “Before the crash”/ }).count()).toBe(1);
    expect(await fresh.getByRole('alert').filter({ hasText: 'another tab' }).count()).toBe(0);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
