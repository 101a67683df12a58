// Every export of a model, from one place: the CLI and the editor's Export dialog both call these.
// Pure (no DOM, no node:fs): turning SVG into pixels or PDF pages is passed in by the caller, which
// has Chromium (src/cli/export) or a browser canvas and svg2pdf.js (src/editor/export).
import type { Model } from '../model';
import type { Finding } from '../lint/types';
import { renderDiagram, type Diagram, type EmbeddedFont, type FindingMark, type RenderOptions } from '../render/svg';
import { exportCsv, type CsvTable } from './csv';
import { exportDot } from './dot';
import { exportKumu } from './kumu';
import { exportMermaid } from './mermaid';
import { buildNarrative } from './narrative/build';
import { narrativeHtml } from './narrative/html';
import { narrativeMarkdown } from './narrative/markdown';
import { pdfDocument, type Paper, type PdfDocumentPlan } from './pdf';

export { buildNarrative, type NarrativeDocument } from './narrative/build';
export { narrativeMarkdown } from './narrative/markdown';
export { narrativeHtml } from './narrative/html';
export { exportCsv, csvCell, CSV_TABLES, type CsvTable } from './csv';
export { exportDot } from './dot';
export { exportMermaid } from './mermaid';
export { exportKumu, importKumu, KumuImportError, type KumuImportResult } from './kumu';
export { planPdf, pdfDocument, PAPERS, MIN_TEXT_PT, type Paper, type PdfDocumentPlan, type PdfPlan } from './pdf';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'md', 'html', 'docx', 'csv', 'dot', 'mermaid', 'kumu'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file name ending of each format. */
export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = {
  svg: '.svg',
  png: '.png',
  pdf: '.pdf',
  md: '.md',
  html: '.html',
  docx: '.docx',
  csv: '.csv',
  dot: '.dot',
  mermaid: '.mmd',
  kumu: '.kumu.json',
};

export const FORMAT_MEDIA_TYPES: Record<ExportFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  dot: 'text/vnd.graphviz; charset=utf-8',
  mermaid: 'text/plain; charset=utf-8',
  kumu: 'application/json',
};

/** What a diagram is drawn from besides the model: the layout's result, if there is one. */
export interface DiagramSource {
  positions?: RenderOptions['positions'];
  routes?: RenderOptions['routes'];
  stages?: RenderOptions['stages'];
}

export interface ExportOptions extends DiagramSource {
  /** Shown in the title block and the narrative. */
  date?: string;
  version?: string;
  /** The font files to embed (Inter; see render/fonts.ts). */
  fonts?: readonly EmbeddedFont[];
  /** Rule checker findings: summarised per lesson in the narrative. */
  findings?: readonly Finding[];
  /** Also draw the findings as badges on the diagram (off by default: a bid shows the theory). */
  badges?: boolean;
  legend?: boolean;
  titleBlock?: boolean;
  paper?: Paper;
  landscape?: boolean;
  /** PNG scale, 1–4 device pixels per drawing unit. */
  scale?: number;
  /** Which CSV table. */
  table?: CsvTable;
  /** Add a UTF-8 byte order mark to CSV, for spreadsheets that need one to read UTF-8. */
  bom?: boolean;
}

/** The diagram of a model for export. */
export function exportDiagram(model: Model, options: ExportOptions = {}): Diagram {
  return renderDiagram(model, {
    positions: options.positions,
    routes: options.routes,
    stages: options.stages,
    fonts: options.fonts,
    legend: options.legend,
    findings: options.badges ? (options.findings as readonly FindingMark[] | undefined) : undefined,
    titleBlock: options.titleBlock === false ? false : { date: options.date, version: options.version },
  });
}

/** Formats that are text, and need nothing but the model (and the layout for SVG). */
export type TextFormat = 'svg' | 'md' | 'html' | 'csv' | 'dot' | 'mermaid' | 'kumu';

export function isTextFormat(format: ExportFormat): format is TextFormat {
  return format !== 'png' && format !== 'pdf' && format !== 'docx';
}

/**
 * A text export. Markdown links the diagram at `diagramHref` when given (the CLI writes the SVG
 * beside it); HTML inlines the SVG.
 */
export function exportText(model: Model, format: TextFormat, options: ExportOptions & { diagramHref?: string } = {}): string {
  switch (format) {
    case 'svg':
      return exportDiagram(model, options).svg;
    case 'md':
      return narrativeMarkdown(narrative(model, options), { diagramHref: options.diagramHref });
    case 'html':
      return narrativeHtml(narrative(model, options), { diagramSvg: exportDiagram(model, options).svg });
    case 'csv':
      return exportCsv(model, options.table ?? 'indicators', { bom: options.bom });
    case 'dot':
      return exportDot(model);
    case 'mermaid':
      return exportMermaid(model);
    case 'kumu':
      return exportKumu(model);
  }
}

function narrative(model: Model, options: ExportOptions) {
  return buildNarrative(model, { findings: options.findings, date: options.date, version: options.version });
}

/** Turns an SVG drawing into PNG bytes (Chromium in Node, a canvas in the browser). */
export type Rasterise = (diagram: Diagram, scale: number) => Promise<Uint8Array>;

/** The narrative as DOCX with the diagram embedded as a PNG at 2× for print. */
export async function exportDocx(model: Model, options: ExportOptions, rasterise: Rasterise): Promise<Uint8Array> {
  const diagram = exportDiagram(model, options);
  const scale = 2;
  const data = await rasterise(diagram, scale);
  // On demand: the docx library is large, and a browser should fetch it only for a DOCX export.
  const { narrativeDocx } = await import('./narrative/docx');
  return narrativeDocx(narrative(model, options), {
    diagramPng: { data, width: diagram.width * scale, height: diagram.height * scale },
  });
}

/** The page plan of the PDF, each page an SVG in points, ready for Chromium or svg2pdf.js. */
export function exportPdfPlan(model: Model, options: ExportOptions = {}): PdfDocumentPlan {
  const diagram = exportDiagram(model, options);
  return pdfDocument(diagram, { paper: options.paper, landscape: options.landscape, title: model.title, fonts: options.fonts });
}
