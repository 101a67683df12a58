// Node only: PNG and PDF from the exported SVG through headless Chromium (Debian's, never a
// downloaded browser): a fresh temporary profile, no network, no page scripts. One browser serves
// many conversions; close it when done.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { PdfDocumentPlan } from '../../export/pdf';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--no-first-run',
  '--mute-audio',
];

/** Chromium cannot rasterise beyond this many device pixels per side in one screenshot. */
export const MAX_PNG_SIDE = 16_384;

export class ChromiumUnavailable extends Error {}

export interface Chromium {
  /** The SVG document rasterised at `scale` device pixels per drawing unit (1–4). */
  png(svg: string, options: { width: number; height: number; scale: number; transparent?: boolean }): Promise<Uint8Array>;
  /** A vector PDF of the planned pages (each page an SVG in points). */
  pdf(plan: PdfDocumentPlan): Promise<Uint8Array>;
  close(): Promise<void>;
  browser: Browser;
}

/** The executable: $TOC_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.TOC_CHROMIUM || DEFAULT_CHROMIUM;
}

export async function launchChromium(): Promise<Chromium> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ChromiumUnavailable(
      `PNG, PDF and DOCX export need Chromium at ${executablePath} (Debian: apt-get install chromium; or set TOC_CHROMIUM)`,
    );
  }
  let playwright: typeof import('playwright-core');
  try {
    // A computed name keeps the bundler from inlining playwright: only export commands load it.
    const name = 'playwright-core';
    playwright = (await import(name)) as typeof import('playwright-core');
  } catch {
    throw new ChromiumUnavailable('PNG, PDF and DOCX export need the playwright-core package (npm install playwright-core)');
  }
  // launch() gives every run a fresh temporary profile and removes it on close.
  const browser = await playwright.chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

  async function withPage<T>(deviceScaleFactor: number, viewport: { width: number; height: number }, run: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ deviceScaleFactor, viewport, javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      const page = await context.newPage();
      return await run(page);
    } finally {
      await context.close();
    }
  }

  return {
    browser,
    async png(svg, { width, height, scale, transparent }) {
      if (width * scale > MAX_PNG_SIDE || height * scale > MAX_PNG_SIDE) {
        throw new RangeError(
          `the PNG would be ${Math.ceil(width * scale)} × ${Math.ceil(height * scale)} px; Chromium draws at most ${MAX_PNG_SIDE} px a side: use a smaller --scale, or SVG or PDF`,
        );
      }
      const w = Math.ceil(width);
      const h = Math.ceil(height);
      return withPage(scale, { width: w, height: h }, async (page) => {
        await page.setContent(htmlPage(`<div style="width:${w}px;height:${h}px">${inlineSvg(svg)}</div>`, '', transparent), { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready.then(() => true)');
        const bytes = await page.screenshot({ clip: { x: 0, y: 0, width: w, height: h }, omitBackground: !!transparent, type: 'png' });
        return new Uint8Array(bytes);
      });
    },
    async pdf(plan) {
      const pages = plan.pages
        .map((p) => `<div class="page">${inlineSvg(p.svg)}</div>`)
        .join('');
      const css =
        `@page{size:${plan.widthPt}pt ${plan.heightPt}pt;margin:0}` +
        `.page{width:${plan.widthPt}pt;height:${plan.heightPt}pt;overflow:hidden;break-after:page;page-break-after:always}` +
        `.page:last-child{break-after:auto;page-break-after:auto}.page>svg{display:block}` +
        plan.fontCss;
      return withPage(1, { width: 1200, height: 900 }, async (page) => {
        await page.setContent(htmlPage(pages, css), { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready.then(() => true)');
        const bytes = await page.pdf({
          width: `${plan.widthPt / 72}in`,
          height: `${plan.heightPt / 72}in`,
          printBackground: true,
          margin: { top: '0', right: '0', bottom: '0', left: '0' },
          preferCSSPageSize: true,
          tagged: true,
        });
        return new Uint8Array(bytes);
      });
    },
    async close() {
      await browser.close();
    },
  };
}

/** An SVG document as an element inside HTML: without the XML declaration. */
export function inlineSvg(svg: string): string {
  return svg.replace(/^<\?xml[^>]*\?>\s*/, '');
}

function htmlPage(body: string, css: string, transparent = false): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">` +
    `<style>html,body{margin:0;padding:0;background:${transparent ? 'transparent' : '#fff'}}${css}</style></head><body>${body}</body></html>`
  );
}

/** Runs `use` with a Chromium that is closed afterwards, whatever happens. */
export async function withChromium<T>(use: (chromium: Chromium) => Promise<T>): Promise<T> {
  const chromium = await launchChromium();
  try {
    return await use(chromium);
  } finally {
    await chromium.close();
  }
}
