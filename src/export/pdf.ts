// Print planning, shared by the CLI (Chromium) and the browser (svg2pdf.js + jsPDF): which pages a
// drawing needs on a paper size, and each page as an SVG in points. One page when the smallest text
// stays at or above 7 pt; otherwise an overview page with the sheet grid, then sheets at a legible
// scale that overlap their neighbours and say where they continue. Pure: no DOM, no node:fs.
import { escapeXml } from '../model';
import { fontFaceCss, type EmbeddedFont } from '../render/fonts';
import { fontTextWidth, wrapLabel } from '../render/text';
import { FONT_STACK, LABEL_COLOUR, type FontSpec } from '../render/theme';
import type { Diagram } from '../render/svg';

export const PAPERS = { A4: [210, 297], A3: [297, 420], A2: [420, 594] } as const;
export type Paper = keyof typeof PAPERS;

const PT_PER_MM = 72 / 25.4;
/** The smallest text allowed at print size (visual-language.md). */
export const MIN_TEXT_PT = 7;

export interface PdfOptions {
  paper?: Paper;
  landscape?: boolean;
  /** Page margin in mm (default 10). */
  marginMm?: number;
  /** How much neighbouring sheets overlap, in mm (default 15). */
  overlapMm?: number;
  /** Never enlarge a small drawing beyond this many points per drawing unit (default 1). */
  maxScale?: number;
  /** The title in the page headers (default: none). */
  title?: string;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlannedPage {
  kind: 'single' | 'overview' | 'sheet';
  /** "B2" for a sheet; "Overview" or "" otherwise. */
  label: string;
  /** The part of the drawing shown, in drawing units. */
  view: Rect;
  /** Where it goes on the page, in points. */
  place: Rect;
  /** Points per drawing unit. */
  scale: number;
  row?: number;
  column?: number;
}

export interface PdfPlan {
  paper: Paper;
  landscape: boolean;
  widthPt: number;
  heightPt: number;
  /** Rows and columns of sheets (1 × 1 for a single page). */
  rows: number;
  columns: number;
  /** The smallest text size in the drawing at the sheets' scale, in points. */
  minTextPt: number;
  marginPt: number;
  /** How far neighbouring sheets overlap, in points (0 for a single page). */
  overlapPt: number;
  pages: PlannedPage[];
  sheets: PlannedPage[];
}

const HEADER = 18;
const FOOTER = 16;

function rowName(row: number): string {
  let name = '';
  let n = row + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    name = String.fromCharCode(65 + m) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function sheetLabel(row: number, column: number): string {
  return `${rowName(row)}${column + 1}`;
}

/** Decides the pages of a drawing of `width` × `height` units whose smallest text is `minFontSize` units. */
export function planPdf(drawing: { width: number; height: number; minFontSize: number }, options: PdfOptions = {}): PdfPlan {
  const paper = options.paper ?? 'A4';
  const landscape = options.landscape ?? false;
  const [shortMm, longMm] = PAPERS[paper];
  const widthPt = (landscape ? longMm : shortMm) * PT_PER_MM;
  const heightPt = (landscape ? shortMm : longMm) * PT_PER_MM;
  const margin = (options.marginMm ?? 10) * PT_PER_MM;
  const area: Rect = { x: margin, y: margin + HEADER, width: widthPt - 2 * margin, height: heightPt - 2 * margin - HEADER - FOOTER };
  const maxScale = options.maxScale ?? 1;
  const W = Math.max(drawing.width, 1);
  const H = Math.max(drawing.height, 1);
  const fit = Math.min(area.width / W, area.height / H, maxScale);
  const base = { paper, landscape, widthPt, heightPt, marginPt: margin };
  const centred = (scale: number): Rect => {
    const w = W * scale;
    const h = H * scale;
    return { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
  };

  if (fit * drawing.minFontSize >= MIN_TEXT_PT - 1e-9) {
    const page: PlannedPage = { kind: 'single', label: '', view: { x: 0, y: 0, width: W, height: H }, place: centred(fit), scale: fit, row: 0, column: 0 };
    return { ...base, rows: 1, columns: 1, overlapPt: 0, minTextPt: fit * drawing.minFontSize, pages: [page], sheets: [page] };
  }

  // Sheets: the smallest scale that keeps text legible sets the grid; then the scale grows to fill it.
  const overlapPt = Math.min((options.overlapMm ?? 15) * PT_PER_MM, area.width / 3, area.height / 3);
  const legible = MIN_TEXT_PT / drawing.minFontSize;
  const count = (size: number, pageSize: number, scale: number) =>
    Math.max(1, Math.ceil((size * scale - overlapPt) / (pageSize - overlapPt) - 1e-9));
  const columns = count(W, area.width, legible);
  const rows = count(H, area.height, legible);
  const scale = Math.max(
    legible,
    Math.min(maxScale, (columns * (area.width - overlapPt) + overlapPt) / W, (rows * (area.height - overlapPt) + overlapPt) / H),
  );
  const viewW = area.width / scale;
  const viewH = area.height / scale;
  const stepX = (area.width - overlapPt) / scale;
  const stepY = (area.height - overlapPt) / scale;
  const coveredW = (columns - 1) * stepX + viewW;
  const coveredH = (rows - 1) * stepY + viewH;
  const x0 = -(coveredW - W) / 2;
  const y0 = -(coveredH - H) / 2;
  const sheets: PlannedPage[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      sheets.push({
        kind: 'sheet',
        label: sheetLabel(row, column),
        view: { x: x0 + column * stepX, y: y0 + row * stepY, width: viewW, height: viewH },
        place: { ...area },
        scale,
        row,
        column,
      });
    }
  }
  const overview: PlannedPage = { kind: 'overview', label: 'Overview', view: { x: 0, y: 0, width: W, height: H }, place: centred(fit), scale: fit };
  return { ...base, rows, columns, overlapPt, minTextPt: scale * drawing.minFontSize, pages: [overview, ...sheets], sheets };
}

const PAGE_FONT: FontSpec = { size: 8.5, weight: 500, lineHeight: 11, letterSpacing: 0 };
const PAGE_BOLD: FontSpec = { size: 8.5, weight: 700, lineHeight: 11, letterSpacing: 0 };
const GRID_FONT: FontSpec = { size: 9, weight: 700, lineHeight: 11, letterSpacing: 0 };

const r = (v: number) => (Math.round(v * 100) / 100).toString();

function pageText(x: number, baseline: number, text: string, font: FontSpec, anchor: 'start' | 'middle' | 'end' = 'start', fill = LABEL_COLOUR): string {
  return (
    `<text x="${r(x)}" y="${r(baseline)}" font-size="${font.size}" font-weight="${font.weight}" fill="${fill}"` +
    (anchor !== 'start' ? ` text-anchor="${anchor}"` : '') +
    `>${escapeXml(text)}</text>`
  );
}

/** A page as a standalone SVG in points, drawing `diagram` through the page's view. */
export function pageSvg(diagram: Diagram, plan: PdfPlan, index: number, options: { title?: string; idPrefix?: string } = {}): string {
  const page = plan.pages[index]!;
  const prefix = `${options.idPrefix ?? 'toc-'}p${index}-`;
  const W = plan.widthPt;
  const H = plan.heightPt;
  const { place, view, scale } = page;
  const margin = plan.marginPt;
  const parts: string[] = [];
  parts.push(`<clipPath id="${prefix}clip"><rect x="${r(place.x)}" y="${r(place.y)}" width="${r(place.width)}" height="${r(place.height)}"/></clipPath>`);
  const tx = place.x - view.x * scale;
  const ty = place.y - view.y * scale;
  // A sheet draws only what reaches into its view: each page stays small for the PDF writer.
  const content = page.kind === 'sheet' ? diagram.bodyFor(view) : diagram.body;
  const drawing = `<g clip-path="url(#${prefix}clip)"><g transform="translate(${r(tx)},${r(ty)}) scale(${scale.toFixed(6)})">${content}</g></g>`;

  // Header: title on the left, the sheet's name on the right.
  const headerBaseline = margin + 10;
  const title = options.title ?? '';
  const right =
    page.kind === 'sheet'
      ? `Sheet ${page.label} (row ${page.label.replace(/\d+$/, '')} of ${rowName(plan.rows - 1)}, column ${page.column! + 1} of ${plan.columns})`
      : page.kind === 'overview'
        ? `Overview: printed on ${plan.sheets.length} sheets (${rowName(0)}1–${sheetLabel(plan.rows - 1, plan.columns - 1)}) at ${r(plan.minTextPt)} pt minimum text`
        : '';
  const rightWidth = right ? fontTextWidth(right, PAGE_FONT) : 0;
  const titleRoom = W - 2 * margin - rightWidth - 16;
  const titleLine = title ? fitLine(title, titleRoom, PAGE_BOLD) : '';
  const overlay: string[] = [];
  if (titleLine) overlay.push(pageText(margin, headerBaseline, titleLine, PAGE_BOLD));
  if (right) overlay.push(pageText(W - margin, headerBaseline, right, PAGE_FONT, 'end'));

  // Footer: where a sheet continues, and the page number.
  const footerBaseline = H - margin - 2;
  overlay.push(pageText(W - margin, footerBaseline, `Page ${index + 1} of ${plan.pages.length}`, PAGE_FONT, 'end', '#3D4852'));
  if (page.kind === 'sheet') {
    const { row, column } = page as Required<PlannedPage>;
    const next: string[] = [];
    if (column > 0) next.push(`${sheetLabel(row, column - 1)} (left)`);
    if (column < plan.columns - 1) next.push(`${sheetLabel(row, column + 1)} (right)`);
    if (row > 0) next.push(`${sheetLabel(row - 1, column)} (above)`);
    if (row < plan.rows - 1) next.push(`${sheetLabel(row + 1, column)} (below)`);
    const overlapMm = Math.round((plan.overlapPt / PT_PER_MM) * 10) / 10;
    overlay.push(pageText(margin, footerBaseline, `Continues on ${next.join(', ')}; neighbouring sheets overlap by ${overlapMm} mm (dashed lines).`, PAGE_FONT, 'start', '#3D4852'));
    // Thin marks where the overlap with each neighbour begins.
    const overlapPt = plan.overlapPt;
    const overlapPtY = plan.overlapPt;
    const mark = (d: string) => `<path d="${d}" stroke="#9AA5B1" stroke-width="0.6" stroke-dasharray="3 2" fill="none"/>`;
    if (column > 0) overlay.push(mark(`M${r(place.x + overlapPt)},${r(place.y)} V${r(place.y + place.height)}`));
    if (column < plan.columns - 1) overlay.push(mark(`M${r(place.x + place.width - overlapPt)},${r(place.y)} V${r(place.y + place.height)}`));
    if (row > 0) overlay.push(mark(`M${r(place.x)},${r(place.y + overlapPtY)} H${r(place.x + place.width)}`));
    if (row < plan.rows - 1) overlay.push(mark(`M${r(place.x)},${r(place.y + place.height - overlapPtY)} H${r(place.x + place.width)}`));
  }
  if (page.kind === 'overview') {
    // The sheet grid over the whole drawing, each cell named as its sheet.
    for (const sheet of plan.sheets) {
      // Clamped to the drawing: the outer sheets reach past its edges into blank paper.
      const x0 = Math.max(0, sheet.view.x);
      const y0 = Math.max(0, sheet.view.y);
      const x1 = Math.min(view.width, sheet.view.x + sheet.view.width);
      const y1 = Math.min(view.height, sheet.view.y + sheet.view.height);
      const x = place.x + x0 * scale;
      const y = place.y + y0 * scale;
      const w = (x1 - x0) * scale;
      const h = (y1 - y0) * scale;
      overlay.push(`<rect x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}" fill="none" stroke="#0072B2" stroke-width="0.8" stroke-dasharray="4 3"/>`);
      overlay.push(`<rect x="${r(x + 3)}" y="${r(y + 3)}" width="${r(fontTextWidth(sheet.label, GRID_FONT) + 8)}" height="14" rx="2" fill="#0072B2"/>`);
      overlay.push(pageText(x + 7, y + 13.5, sheet.label, GRID_FONT, 'start', '#FFFFFF'));
    }
    overlay.push(pageText(margin, footerBaseline, 'The overview is for finding your way; read the labels on the sheets that follow.', PAGE_FONT, 'start', '#3D4852'));
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${r(W)}pt" height="${r(H)}pt" viewBox="0 0 ${r(W)} ${r(H)}" font-family="${escapeXml(FONT_STACK)}">` +
    `<defs>${diagram.defs}${parts.join('')}</defs>` +
    `<rect x="0" y="0" width="${r(W)}" height="${r(H)}" fill="#FFFFFF"/>` +
    drawing +
    overlay.join('') +
    `</svg>`
  );
}

function fitLine(text: string, width: number, font: FontSpec): string {
  const lines = wrapLabel(text, width, font.size, font.weight);
  if (lines.length <= 1) return lines[0] ?? '';
  let line = lines[0]!;
  while (line.length > 1 && fontTextWidth(`${line}…`, font) > width) line = line.slice(0, -1);
  return `${line.trimEnd()}…`;
}

/** Everything a PDF writer needs: the paper, each page as an SVG, and the @font-face rules. */
export interface PdfDocumentPlan extends PdfPlan {
  pages: (PlannedPage & { svg: string })[];
  fontCss: string;
}

/** Plans the pages of a rendered diagram and draws each of them. */
export function pdfDocument(diagram: Diagram, options: PdfOptions & { fonts?: readonly EmbeddedFont[] } = {}): PdfDocumentPlan {
  const plan = planPdf(diagram, options);
  const pages = plan.pages.map((page, i) => ({ ...page, svg: pageSvg(diagram, plan, i, { title: options.title }) }));
  let fontCss = diagram.fontCss;
  if (options.fonts && options.fonts.length > 0) {
    const codePoints = new Set(diagram.codePoints);
    for (const ch of `${options.title ?? ''}Sheet Overview Page of row column Continues left right above below ‹› 0123456789–:.,()`) codePoints.add(ch.codePointAt(0)!);
    fontCss = fontFaceCss(options.fonts, new Set([...diagram.weights, 500, 700]), codePoints);
  }
  return { ...plan, pages, fontCss };
}
