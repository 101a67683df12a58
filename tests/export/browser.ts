// Test helpers around headless Chromium: one browser per test file (launch in beforeAll), pages with
// scripts enabled but no network, the browser export bundle, and the file readers (DOMParser,
// Mermaid's own parser) that run inside the page.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/cli/export/chromium';
import { REPO } from '../helpers/paths';

const require = createRequire(import.meta.url);

export async function launchTestBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** The origin the test pages pretend to be served from; every request is answered locally. */
export const ORIGIN = 'http://toc.test';

/** A page at ORIGIN/ that serves the Inter files under /fonts/ and nothing else from anywhere. */
export async function testPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 1200, height: 900 } });
  const fontsDir = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === ORIGIN && url.pathname === '/') return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>' });
    if (url.origin === ORIGIN && url.pathname.startsWith('/fonts/')) {
      const file = path.basename(url.pathname);
      return route.fulfill({ status: 200, contentType: file.endsWith('woff2') ? 'font/woff2' : 'font/woff', body: readFileSync(path.join(fontsDir, file)) });
    }
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  return page;
}

let bundle: Promise<string> | undefined;

/** The browser export functions as one script (esbuild), built once per test run. */
export function browserBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(REPO, 'tests/export/fixtures/browser-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  }).then((result) => result.outputFiles[0]!.text);
  return bundle;
}

export function mermaidScriptPath(): string {
  return path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
}

/** Parses XML with the browser's DOMParser; returns the parser's error text, or null when well-formed. */
export async function xmlError(page: Page, xml: string, type = 'application/xml'): Promise<string | null> {
  return page.evaluate(
    ([text, mime]) => {
      const doc = new DOMParser().parseFromString(text, mime as DOMParserSupportedType);
      const error = doc.getElementsByTagName('parsererror')[0];
      return error ? (error.textContent ?? 'parse error') : null;
    },
    [xml, type] as const,
  );
}
