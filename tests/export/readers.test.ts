// The exports, read by the programs that will read them: Chromium (SVG, PNG, HTML, Mermaid's own
// parser and renderer), poppler (pdfinfo, pdftotext), unzip + an XML parser (DOCX). One browser for
// the whole file; the PDF and PNG go through the same Chromium code the CLI uses.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../src/model';
import { lint } from '../../src/lint';
import { exportDiagram, exportDocx, exportMermaid, exportPdfPlan, exportText, type ExportOptions } from '../../src/export';
import { launchChromium, type Chromium } from '../../src/cli/export/chromium';
import { loadInterFonts } from '../../src/cli/export/fonts';
import { exportCommand } from '../../src/cli/commands/export';
import { EXAMPLES, HOSTILE_LABELS, hostileModel, loadExample, squash } from './fixtures';
import { launchTestBrowser, mermaidScriptPath, testPage, xmlError } from './browser';

let chromium: Chromium;
let browser: Browser;
let page: Page;
let dir: string;
const dialogs: string[] = [];

beforeAll(async () => {
  [chromium, browser] = await Promise.all([launchChromium(), launchTestBrowser()]);
  page = await testPage(browser);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  dir = mkdtempSync(path.join(tmpdir(), 'toc-export-'));
}, 60_000);

afterAll(async () => {
  await Promise.all([chromium?.close(), browser?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
  expect(dialogs).toEqual([]);
});

const fonts = loadInterFonts();
const options = (extra: ExportOptions = {}): ExportOptions => ({ fonts, date: '2026-11-27', version: '1.0', ...extra });
const MODELS: [string, () => Model][] = [...EXAMPLES.map((name) => [name, () => loadExample(name)] as [string, () => Model]), ['hostile', hostileModel]];

function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]), size: /^Page size:\s+(.*)$/m.exec(info)![1]! };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('SVG in Chromium', () => {
  it.each(MODELS)('%s: parses as XML and renders with every label present as text', async (_name, make) => {
    const model = make();
    const svg = exportDiagram(model, options()).svg;
    expect(await xmlError(page, svg, 'image/svg+xml')).toBeNull();
    expect(await xmlError(page, svg, 'application/xml')).toBeNull();
    const found = (await page.evaluate(`(() => {
      document.body.innerHTML = ${JSON.stringify(svg.replace(/^<\?xml[^>]*\?>/, ''))};
      const root = document.querySelector('svg');
      return {
        texts: [...root.querySelectorAll('text')].map((t) => t.textContent),
        bad: root.querySelectorAll('script, img, foreignObject, iframe, a').length,
        fonts: document.fonts.check('500 14px Inter'),
      };
    })()`)) as { texts: string[]; bad: number; fonts: boolean };
    expect(found.bad).toBe(0);
    const all = squash(found.texts.join(''));
    for (const node of model.nodes) expect(all).toContain(squash(node.label));
  });
});

describe('PNG through Chromium', () => {
  it('rasterises at 1× and 3× with the size asked for', async () => {
    const diagram = exportDiagram(hostileModel(), options());
    for (const scale of [1, 3]) {
      const png = await chromium.png(diagram.svg, { width: diagram.width, height: diagram.height, scale });
      expect(pngSize(png)).toEqual({ width: Math.ceil(diagram.width) * scale, height: Math.ceil(diagram.height) * scale });
    }
  }, 60_000);

  it('refuses a size Chromium cannot draw', async () => {
    await expect(chromium.png('<svg xmlns="http://www.w3.org/2000/svg"/>', { width: 6000, height: 100, scale: 4 })).rejects.toThrow(/smaller --scale/);
  });
});

describe('PDF through Chromium, read by poppler', () => {
  it.each([
    ['keystone-icu', 'A4', false, /\(A4\)/],
    ['emergency-laparotomy-collaborative', 'A3', true, /\(A3\)/],
    ['project-echo-hepatitis-c', 'A2', true, /\(A2\)/],
  ] as const)('%s on %s (landscape %s): size, pages and every label', async (name, paper, landscape, sizeName) => {
    const model = loadExample(name);
    const plan = exportPdfPlan(model, options({ paper, landscape }));
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, await chromium.pdf(plan));
    const info = pdfInfo(file);
    expect(info.size).toMatch(sizeName);
    const [w, h] = info.size.split(' x ').map((v) => parseFloat(v));
    expect(w! > h!).toBe(landscape);
    expect(info.pages).toBe(plan.pages.length);
    expect(plan.minTextPt).toBeGreaterThanOrEqual(7);
    const text = squash(pdfText(file));
    for (const node of model.nodes) expect(text).toContain(squash(node.label));
  }, 90_000);

  it('prints a small model on one legible page', async () => {
    const model: Model = {
      schemaVersion: 1,
      title: 'Small',
      nodes: [
        { id: 'a', kind: 'activity', label: 'Monthly peer learning calls', position: { x: 0, y: 0 } },
        { id: 'b', kind: 'mechanism', label: 'Peers adopt one another’s practice', position: { x: 280, y: 0 } },
        { id: 'c', kind: 'impact', label: 'Safer care', position: { x: 560, y: 0 } },
      ],
      edges: [
        { id: 'e1', kind: 'leads-to', source: 'a', target: 'b' },
        { id: 'e2', kind: 'leads-to', source: 'b', target: 'c' },
      ],
    };
    const plan = exportPdfPlan(model, options({ paper: 'A4', landscape: true }));
    expect(plan.pages).toHaveLength(1);
    const file = path.join(dir, 'small.pdf');
    writeFileSync(file, await chromium.pdf(plan));
    expect(pdfInfo(file)).toMatchObject({ pages: 1, size: expect.stringMatching(/\(A4\)/) });
    expect(squash(pdfText(file))).toContain(squash('Peers adopt one another’s practice'));
  }, 60_000);

  it('keeps hostile labels as text in the PDF', async () => {
    const plan = exportPdfPlan(hostileModel(), options({ paper: 'A3', landscape: true }));
    const file = path.join(dir, 'hostile.pdf');
    writeFileSync(file, await chromium.pdf(plan));
    expect(pdfInfo(file).pages).toBe(plan.pages.length);
    const text = squash(pdfText(file));
    for (const label of Object.values(HOSTILE_LABELS)) expect(text).toContain(squash(label));
  }, 60_000);
});

describe('DOCX', () => {
  it.each([['keystone-icu', () => loadExample('keystone-icu')] as [string, () => Model], ['hostile', hostileModel] as [string, () => Model]])(
    '%s: unzips to a well-formed word/document.xml with every label and the diagram',
    async (name, make) => {
      const model = make();
      const bytes = await exportDocx(model, options({ findings: lint(model, { today: '2026-11-27' }) }), (d, s) =>
        chromium.png(d.svg, { width: d.width, height: d.height, scale: s }),
      );
      const file = path.join(dir, `${name}.docx`);
      writeFileSync(file, bytes);
      const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
      expect(listing).toMatch(/word\/media\/\S+\.png/);
      const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(await xmlError(page, xml)).toBeNull();
      const result = (await page.evaluate(`(() => {
        const doc = new DOMParser().parseFromString(${JSON.stringify(xml)}, 'application/xml');
        const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
        return {
          text: [...doc.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''),
          // Unprefixed names only: w:b and w:i are Word's own bold and italic.
          foreign: ['script', 'img', 'b', 'i', 'em', 'html'].reduce((n, tag) => n + doc.getElementsByTagName(tag).length, 0),
        };
      })()`)) as { text: string; foreign: number };
      expect(result.foreign).toBe(0);
      const text = squash(result.text);
      for (const node of model.nodes) expect(text).toContain(squash(node.label));
      expect(result.text).toMatch(/If .+, then .+/);
      // LibreOffice, where installed, converts it (the CI image may not have it).
      const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
      if (soffice.status === 0) {
        const run = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
        expect(run.status).toBe(0);
        expect(pdfText(file.replace(/\.docx$/, '.pdf'))).toContain('Pathways to the aim');
      }
    },
    90_000,
  );
});

describe('Mermaid, read by Mermaid', () => {
  beforeAll(async () => {
    await page.addScriptTag({ path: mermaidScriptPath() });
    await page.evaluate(`mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })`);
  }, 60_000);

  // Every model is parsed; the two smallest are also rendered (rendering a 60-node flowchart takes
  // seconds on a loaded machine, and the parser is what decides whether the text is valid).
  it.each(MODELS.map(([name, make]) => [name, make, name === 'hostile' || name === 'project-echo-hepatitis-c'] as const))('%s: parses, and renders every label as text', async (_name, make, render) => {
    const model = make();
    const text = exportMermaid(model);
    expect(await page.evaluate(`mermaid.parse(${JSON.stringify(text)}).then((r) => !!r)`)).toBe(true);
    if (!render) return;
    const result = (await page.evaluate(`(async () => {
      const text = ${JSON.stringify(text)};
      const parsed = await mermaid.parse(text);
      const { svg } = await mermaid.render('m' + Math.random().toString(36).slice(2), text);
      const host = document.createElement('div');
      host.innerHTML = svg;
      return {
        parsed: !!parsed,
        text: host.textContent,
        bad: host.querySelectorAll('script, img, iframe').length,
        handlers: [...host.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      };
    })()`)) as { parsed: boolean; text: string; bad: number; handlers: number };
    expect(result.parsed).toBe(true);
    expect(result.bad).toBe(0);
    expect(result.handlers).toBe(0);
    const all = squash(result.text);
    for (const node of model.nodes) expect(all).toContain(squash(node.label));
  }, 60_000);
});

describe('HTML narrative in Chromium', () => {
  it('is a standalone page where hostile text stays text', async () => {
    const model = hostileModel();
    const html = exportText(model, 'html', options({ findings: lint(model, { today: '2026-11-27' }) }));
    const view = await testPage(browser);
    view.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await view.setContent(html);
    const result = (await view.evaluate(`({
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      svg: document.querySelectorAll('figure svg').length,
      text: document.body.innerText,
    })`)) as { scripts: number; images: number; svg: number; text: string };
    expect(result).toMatchObject({ scripts: 0, images: 0, svg: 1 });
    for (const label of Object.values(HOSTILE_LABELS)) expect(squash(result.text)).toContain(squash(label));
    await view.context().close();
  });
});

describe('toc export (command)', () => {
  it('writes a PDF of the asked paper from the CLI path', async () => {
    const input = path.join(dir, 'keystone.toc.json');
    writeFileSync(input, readFileSync(path.join(__dirname, '../../examples/keystone-icu.toc.json')));
    const output = path.join(dir, 'keystone-a3.pdf');
    const code = await exportCommand.run([input, '--format', 'pdf', '--paper', 'A3', '--landscape', '-o', output, '--date', '2026-11-27']);
    expect(code).toBe(0);
    expect(pdfInfo(output).size).toMatch(/\(A3\)/);
  }, 90_000);
});
