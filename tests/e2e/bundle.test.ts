// The editor's first download stays small (≤ 300 kB gzipped JavaScript) and the large libraries
// arrive on first use: read from the build under test, then watched on the network in Chromium.
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseBuild, FIRST_DOWNLOAD_TARGET_KB, FORBIDDEN_LIBRARIES, LAZY_LIBRARIES, type BuildReport } from '../../bench/bundle';
import { downloadExport, openEditorSession, type EditorSession } from './browser';
import { WEB_ROOT } from './server';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

let report: BuildReport;
let session: EditorSession;
let page: Page;
/** Path names of every request of the page and its workers, in order. */
const requested: string[] = [];

/** The lazy libraries held by the scripts fetched so far. */
const fetchedLibraries = () =>
  [...new Set(report.scripts.filter((s) => requested.some((p) => p.endsWith(`/${s.file}`))).flatMap((s) => s.libraries))].sort();

/** Every script the first visit does not need (export adapters, their libraries, ELK, ajv). */
const isLazyScript = (url: URL) => report.scripts.some((s) => !s.first && url.pathname.endsWith(`/${s.file}`));

/** The Export dialog's own chunk, which brings the exporters behind its preview. */
const isDialogScript = (url: URL) => /\/ExportDialog-[^/]*\.js$/.test(url.pathname);
/** The browser export adapters' chunk, which brings docx, jsPDF and svg2pdf.js when needed. */
const isExportCodeScript = (url: URL) => /\/export-[^/]*\.js$/.test(url.pathname);

const exportDialog = () => page.getByRole('dialog', { name: 'Export' });

async function openExportDialog() {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${MOD}+e`);
  await exportDialog().waitFor();
}

const tidyLayout = () => page.getByRole('toolbar', { name: 'Common actions' }).getByRole('button', { name: 'Tidy layout', exact: true }).click();

beforeAll(async () => {
  report = analyseBuild(WEB_ROOT);
  session = await openEditorSession();
  page = session.page;
  page.context().on('request', (request) => requested.push(new URL(request.url()).pathname));
});

afterAll(async () => {
  await session?.close();
});

describe.sequential('the editor download', () => {
  it(`keeps the first download within ${FIRST_DOWNLOAD_TARGET_KB} kB gzipped, without the lazy libraries`, () => {
    const first = report.scripts.filter((s) => s.first);
    expect(first.some((s) => path.basename(s.file).startsWith('index-'))).toBe(true);
    expect(report.firstDownloadKb).toBeLessThanOrEqual(FIRST_DOWNLOAD_TARGET_KB);
    expect(first.flatMap((s) => s.libraries)).toEqual([]);
    // Each library is recognised somewhere in the build, so its absence above means something.
    const anywhere = new Set(report.scripts.flatMap((s) => s.libraries));
    for (const library of Object.keys(LAZY_LIBRARIES)) expect(anywhere, library).toContain(library);
    for (const library of Object.keys(FORBIDDEN_LIBRARIES)) expect(anywhere, library).not.toContain(library);
  });

  it('opens a positioned example and fetches none of the lazy libraries', async () => {
    await page.goto(session.url);
    await page.locator('.react-flow__node').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(report.scripts.filter((s) => s.first).every((s) => requested.some((p) => p.endsWith(`/${s.file}`)))).toBe(true);
    expect(fetchedLibraries()).toEqual([]);
    expect(requested.filter((p) => isDialogScript(new URL(p, session.url)))).toEqual([]);
  });

  it('says so when the Export dialog cannot be fetched, then, tried again, when only the export code cannot, with Download usable', async () => {
    const abortAll = (route: Route) => route.abort();
    await page.context().route(isLazyScript, abortAll);
    await openExportDialog();
    const alert = exportDialog().getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^The Export dialog could not be loaded.*Check the connection and try again/);
    // Try again fetches the dialog; the libraries behind Download still fail, and say so.
    const abortExportCode = (route: Route) => route.abort();
    await page.context().route(isExportCodeScript, abortExportCode);
    await page.context().unroute(isLazyScript, abortAll);
    await exportDialog().getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/^Export failed: The export code could not be loaded.*Check the connection and try again/);
    // Download tries the fetch again, and says so when it fails again.
    await exportDialog().getByRole('button', { name: 'Download', exact: true }).click();
    await expect.poll(() => exportDialog().getByRole('button', { name: 'Download', exact: true }).isEnabled()).toBe(true);
    expect(await alert.textContent()).toMatch(/^Export failed: The export code could not be loaded/);
    expect(requested.filter((p) => isExportCodeScript(new URL(p, session.url))).length).toBeGreaterThanOrEqual(2);
    await exportDialog().getByRole('button', { name: 'Close' }).click();
    await page.context().unroute(isExportCodeScript, abortExportCode);
  });

  it('shows "Preparing export…" while the export code arrives, then exports', async () => {
    // The export code is held back until the test has seen the waiting state.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = async (route: Route) => {
      await released;
      await route.continue();
    };
    await page.context().route(isLazyScript, held);
    await openExportDialog();
    const preparing = exportDialog().getByRole('button', { name: 'Preparing export…' });
    await preparing.waitFor();
    expect(await preparing.isDisabled()).toBe(true);
    release();
    const svg = (await downloadExport(page, 'SVG drawing')).toString('utf8');
    expect(svg).toMatch(/^<\?xml|^<svg/);
    await page.context().unroute(isLazyScript, held);
    expect(fetchedLibraries()).toEqual([]);
  });

  it('fetches docx for a DOCX export, and jsPDF with svg2pdf.js for a PDF', async () => {
    const docx = await downloadExport(page, 'Word (DOCX) narrative');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(fetchedLibraries()).toEqual(['docx']);
    const pdf = await downloadExport(page, 'PDF for print');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fetchedLibraries()).toEqual(['docx', 'jsPDF', 'svg2pdf.js']);
    await exportDialog().getByRole('button', { name: 'Close' }).click();
  });

  it('says so when the layout code cannot be fetched, and nothing moves', async () => {
    const abort = (route: Route) => route.abort();
    await page.context().route(isLazyScript, abort);
    const before = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).style.transform));
    await tidyLayout();
    const status = page.locator('.layout-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('failed');
    expect(await status.textContent()).toContain('the layout code could not be loaded; check the connection and try again');
    expect(await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).style.transform))).toEqual(before);
    await page.context().unroute(isLazyScript, abort);
  });

  it('fetches ELK when a layout is first asked for', async () => {
    await tidyLayout();
    await expect.poll(() => page.locator('.layout-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    expect(fetchedLibraries()).toEqual(['docx', 'elkjs', 'jsPDF', 'svg2pdf.js']);
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
