// The browser side of export (what the editor's Export dialog calls): canvas PNG, svg2pdf.js + jsPDF
// PDF and DOCX, run in Chromium from one esbuild bundle, with the fonts served from node_modules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/model';
import { browserBundle, launchTestBrowser, ORIGIN, testPage } from './browser';
import { hostileModel, loadExample, squash } from './fixtures';

let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  const [code, launched] = await Promise.all([browserBundle(), launchTestBrowser()]);
  browser = launched;
  page = await testPage(browser);
  await page.addScriptTag({ content: code });
  dir = mkdtempSync(path.join(tmpdir(), 'toc-browser-export-'));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs an export in the page; the script gets `x` (the bundle), `model`, `urlFor` and `bytes(blob)`. */
async function inPage<T>(model: Model, body: string): Promise<T> {
  // Passed as text: the test runner's helpers (e.g. __name) do not exist inside the page.
  return (await page.evaluate(`(async () => {
    const x = window.tocExport;
    const model = ${JSON.stringify(model)};
    const urlFor = (file) => ${JSON.stringify(ORIGIN)} + '/fonts/' + file;
    const bytes = async (blob) => {
      const a = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < a.length; i += 0x8000) s += String.fromCharCode(...a.subarray(i, i + 0x8000));
      return btoa(s);
    };
    ${body}
  })()`)) as T;
}

describe('export in the browser', () => {
  it('rasterises the SVG on a canvas at the scale asked for', async () => {
    const result = await inPage<{ png: string; width: number; height: number }>(
      loadExample('project-echo-hepatitis-c'),
      `const fonts = await x.loadInterFonts(urlFor);
       const d = x.exportDiagram(model, { fonts });
       const png = await x.svgToPng(d.svg, { width: d.width, height: d.height, scale: 2 });
       return { png: await bytes(png), width: d.width, height: d.height };`,
    );
    const png = Buffer.from(result.png, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.ceil(result.width * 2));
    expect(png.readUInt32BE(20)).toBe(Math.ceil(result.height * 2));
  }, 60_000);

  it.each([
    ['keystone-icu', () => loadExample('keystone-icu'), 'A3', true],
    ['hostile', hostileModel, 'A4', false],
  ] as const)('writes a vector PDF of %s with svg2pdf.js and jsPDF', async (name, make, paper, landscape) => {
    const model = make();
    const result = await inPage<{ pdf: string; pages: number }>(
      model,
      `const fonts = await x.loadInterFonts(urlFor);
       const options = { fonts, paper: ${JSON.stringify(paper)}, landscape: ${landscape}, date: '2026-11-27' };
       const plan = x.exportPdfPlan(model, options);
       const pdf = await x.pdfFromPlan(plan, urlFor);
       return { pdf: await bytes(pdf), pages: plan.pages.length };`,
    );
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, Buffer.from(result.pdf, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Page size:.*\\(${paper}\\)`));
    expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBe(result.pages);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/Inter\s+CID TrueType/);
    const text = squash(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    for (const node of model.nodes) expect(text).toContain(squash(node.label));
  }, 120_000);

  it('writes a DOCX with the diagram drawn on a canvas', async () => {
    const result = await inPage<{ docx: string }>(
      loadExample('keystone-icu'),
      `const docx = await x.exportDocxInBrowser(model, { date: '2026-11-27' });
       return { docx: await bytes(docx) };`,
    );
    const file = path.join(dir, 'keystone.docx');
    writeFileSync(file, Buffer.from(result.docx, 'base64'));
    expect(execFileSync('unzip', ['-l', file], { encoding: 'utf8' })).toMatch(/word\/media\/\S+\.png/);
    expect(execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 })).toContain('Pathways to the aim');
  }, 60_000);
});
