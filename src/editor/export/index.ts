// Browser only: the exports that need pixels or PDF pages, for the editor's Export dialog. The
// diagram is the same SVG the CLI exports (render/svg.ts); here a canvas rasterises it and svg2pdf.js
// + jsPDF lay out the same pages the CLI prints through Chromium (export/pdf.ts plans both).
//
// Font files: the caller says where the bundled Inter files are served (with Vite, for example,
// `import.meta.glob('/node_modules/@fontsource/inter/files/*-normal.woff*', { query: '?url', import: 'default', eager: true })`),
// as a function from a file name (render/fonts.ts interFileName) to a URL.
import type { Model } from '../../model';
import { EXPORT_FONT_WEIGHTS, INTER_SUBSETS, interFileName, parseUnicodeRange, rangeCovers, type EmbeddedFont } from '../../render/fonts';
import type { Diagram } from '../../render/svg';
import { exportDocx, exportPdfPlan, type ExportOptions, type PdfDocumentPlan } from '../../export';
import { woffToSfnt } from './woff';

export type FontUrl = (fileName: string) => string;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The Inter faces the SVG export embeds (woff2, every subset of the weights it uses). */
export async function loadInterFonts(urlFor: FontUrl): Promise<EmbeddedFont[]> {
  const faces = EXPORT_FONT_WEIGHTS.flatMap((weight) => INTER_SUBSETS.map((subset) => ({ weight, subset })));
  return Promise.all(
    faces.map(async ({ weight, subset }) => ({
      weight,
      unicodeRange: subset.unicodeRange,
      format: 'woff2' as const,
      data: await fetchBytes(urlFor(interFileName(subset.name, weight))),
    })),
  );
}

export interface PngOptions {
  width: number;
  height: number;
  /** Device pixels per drawing unit, 1–4. */
  scale: number;
  transparent?: boolean;
}

/** Browsers cap canvas sides (Chromium and Firefox at 32 767 px, Safari lower); stay under all. */
export const MAX_CANVAS_SIDE = 16_384;

/** The SVG document as a PNG, drawn on a canvas. The SVG carries its fonts, so no page font is used. */
export async function svgToPng(svg: string, options: PngOptions): Promise<Blob> {
  const w = Math.ceil(options.width * options.scale);
  const h = Math.ceil(options.height * options.scale);
  if (w > MAX_CANVAS_SIDE || h > MAX_CANVAS_SIDE) throw new RangeError(`the PNG would be ${w} × ${h} px; use a smaller scale, or SVG or PDF`);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    // An SVG image's embedded fonts can finish loading just after decode(); one frame settles them.
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    if (!options.transparent) {
      context.fillStyle = '#FFFFFF';
      context.fillRect(0, 0, w, h);
    }
    context.scale(options.scale, options.scale);
    context.drawImage(image, 0, 0, options.width, options.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function diagramToPngBytes(diagram: Diagram, scale: number): Promise<Uint8Array> {
  const blob = await svgToPng(diagram.svg, { width: diagram.width, height: diagram.height, scale });
  return new Uint8Array(await blob.arrayBuffer());
}

/** jsPDF needs one family per subset file: "Inter" is the latin subset, the others are named for theirs. */
function subsetFamily(subset: string): string {
  return subset === 'latin' ? 'Inter' : `Inter ${subset}`;
}

function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

/**
 * Points each run of text at the Inter subset that has its characters, since jsPDF cannot fall back
 * from one font file to another. A line that mixes scripts (Latin and Greek, say) is split into
 * runs, one tspan each, that continue on the same line. Characters no subset has stay on latin.
 */
function assignSubsetFamilies(root: Element, available: ReadonlySet<string>): void {
  const subsets = INTER_SUBSETS.filter((s) => available.has(s.name)).map((s) => ({ name: s.name, ranges: parseUnicodeRange(s.unicodeRange) }));
  const subsetOf = (ch: string, current: string | undefined) => {
    const cp = ch.codePointAt(0)!;
    const covers = (name: string) => subsets.some((s) => s.name === name && rangeCovers(s.ranges, cp));
    if (current && covers(current)) return current;
    return subsets.find((s) => rangeCovers(s.ranges, cp))?.name ?? 'latin';
  };
  const runsOf = (text: string) => {
    const runs: { subset: string; text: string }[] = [];
    for (const ch of text) {
      const last = runs[runs.length - 1];
      const subset = subsetOf(ch, last?.subset);
      if (last && last.subset === subset) last.text += ch;
      else runs.push({ subset, text: ch });
    }
    return runs;
  };
  root.setAttribute('font-family', 'Inter');
  const ns = 'http://www.w3.org/2000/svg';
  for (const text of [...root.querySelectorAll('text')]) {
    text.setAttribute('font-family', 'Inter');
    const lines = text.querySelector('tspan') ? [...text.querySelectorAll('tspan')] : [text];
    for (const line of lines) {
      const runs = runsOf(line.textContent ?? '');
      if (runs.length <= 1) {
        line.setAttribute('font-family', subsetFamily(runs[0]?.subset ?? 'latin'));
        continue;
      }
      // Sibling tspans: the first takes the line's position, the rest continue after it.
      const spans = runs.map((run, i) => {
        const span = root.ownerDocument.createElementNS(ns, 'tspan');
        span.setAttribute('font-family', subsetFamily(run.subset));
        if (i === 0 && line !== text) for (const attr of ['x', 'y']) if (line.hasAttribute(attr)) span.setAttribute(attr, line.getAttribute(attr)!);
        span.textContent = run.text;
        return span;
      });
      if (line === text) text.replaceChildren(...spans);
      else line.replaceWith(...spans);
    }
  }
}

/**
 * A vector PDF of the planned pages with svg2pdf.js and jsPDF. Fonts: the WOFF 1.0 files of Inter
 * (jsPDF embeds TrueType, converted here), only for the subsets the pages use.
 */
export async function pdfFromPlan(plan: PdfDocumentPlan, urlFor: FontUrl): Promise<Blob> {
  const [{ jsPDF }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  const orientation = plan.widthPt > plan.heightPt ? 'landscape' : 'portrait';
  const doc = new jsPDF({ unit: 'pt', format: [plan.widthPt, plan.heightPt], orientation, compress: true, putOnlyUsedFonts: true });
  const text = plan.pages.map((p) => p.svg.replace(/<[^>]*>/g, '')).join('');
  const used = new Set([...text].map((c) => c.codePointAt(0)!));
  const subsets = INTER_SUBSETS.filter((s) => s.name === 'latin' || [...used].some((cp) => cp > 0x7f && rangeCovers(parseUnicodeRange(s.unicodeRange), cp)));
  await Promise.all(
    subsets.flatMap((subset) =>
      EXPORT_FONT_WEIGHTS.map(async (weight) => {
        const ttf = await woffToSfnt(await fetchBytes(urlFor(interFileName(subset.name, weight, 'woff'))));
        const file = `inter-${subset.name}-${weight}.ttf`;
        doc.addFileToVFS(file, binaryString(ttf));
        doc.addFont(file, subsetFamily(subset.name), 'normal', weight);
        // Elements that set no weight resolve to "normal" (400), which the drawing never uses for text.
        if (weight === 500) doc.addFont(file, subsetFamily(subset.name), 'normal', 400);
      }),
    ),
  );
  const available = new Set(subsets.map((s) => s.name));
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;left:-100000px;top:0;width:0;height:0;overflow:hidden';
  document.body.append(host);
  try {
    for (let i = 0; i < plan.pages.length; i++) {
      if (i > 0) doc.addPage([plan.widthPt, plan.heightPt], orientation);
      const parsed = new DOMParser().parseFromString(plan.pages[i]!.svg, 'image/svg+xml');
      if (parsed.querySelector('parsererror')) throw new Error('internal error: a page SVG is not well-formed');
      const svg = document.importNode(parsed.documentElement, true);
      assignSubsetFamilies(svg, available);
      host.replaceChildren(svg);
      await doc.svg(svg, { x: 0, y: 0, width: plan.widthPt, height: plan.heightPt });
    }
  } finally {
    host.remove();
  }
  return doc.output('blob');
}

/** The PDF of a model in the browser (plan as the CLI does, draw with svg2pdf.js). */
export async function exportPdfInBrowser(model: Model, options: ExportOptions, urlFor: FontUrl): Promise<Blob> {
  return pdfFromPlan(exportPdfPlan(model, options), urlFor);
}

/** The DOCX of a model in the browser, with the diagram rasterised on a canvas. */
export async function exportDocxInBrowser(model: Model, options: ExportOptions): Promise<Blob> {
  const bytes = await exportDocx(model, options, diagramToPngBytes);
  return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
}
