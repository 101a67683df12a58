// Debian's Chromium, never a downloaded browser; flags that keep a headless run quiet and offline.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/cli/export/chromium';
import { serveBuild } from './server';

/** A browser with a fresh profile in a temporary directory; `close` removes the profile. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'toc-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e');

export interface EditorSession {
  page: Page;
  /** Where the build is served. */
  url: string;
  /** Uncaught errors in the page: a test run ends by asserting there were none. */
  pageErrors: string[];
  /** The types of the browser dialogs the page raised (each accepted), in order. */
  dialogs: string[];
  close(): Promise<void>;
}

/** The editor's production build in a fresh browser. The file-picker APIs are removed, so the
 * tests drive the fallbacks a test can control: a file input to open, a download to save. */
export async function openEditorSession(): Promise<EditorSession> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serveBuild();
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  return {
    page,
    url: server.url,
    pageErrors,
    dialogs,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** An editor session with the page on the bundled example, its first node drawn. */
export async function openEditorOnExample(): Promise<EditorSession> {
  const session = await openEditorSession();
  await session.page.goto(session.url);
  await session.page.locator('.react-flow__node').first().waitFor();
  return session;
}

/** Chooses a format in the open Export dialog, downloads it and returns the file's bytes. */
export async function downloadExport(page: Page, format: string): Promise<Buffer> {
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: format });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download', exact: true }).click();
  return readFileSync((await (await download).path())!);
}
