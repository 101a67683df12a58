// The narrative as a Word document (docx package), with the diagram embedded as a PNG. The docx
// package writes text as XML text nodes and escapes it itself; we only drop the control characters
// that XML 1.0 cannot carry at all. Returns bytes in Node and in the browser alike.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, Inline, NarrativeDocument } from './build';

export interface DocxOptions {
  /** The diagram as PNG bytes, with its size in pixels (at the scale it was rendered). */
  diagramPng?: { data: Uint8Array; width: number; height: number };
  /** Shown in the document's properties. */
  creator?: string;
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Model text as it may stand in a Word text node (docx escapes <, & and quotes itself). */
export function docxText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

function runs(inline: readonly Inline[]): TextRun[] {
  return inline.map((run) => {
    if (typeof run === 'string') return new TextRun(docxText(run));
    if ('strong' in run) return new TextRun({ text: docxText(run.strong), bold: true });
    return new TextRun({ text: docxText(run.em), italics: true });
  });
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
/** A4 text width with 2 cm margins, in pixels at 96 dpi (docx sizes images in those). */
const TEXT_WIDTH_PX = Math.floor(((210 - 40) / 25.4) * 96);
const MAX_IMAGE_HEIGHT_PX = Math.floor(((297 - 60) / 25.4) * 96);
const MARGIN_TWIPS = Math.round((20 / 25.4) * 1440);

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text: docxText(text), bold: header, size: 18 })] })],
    shading: header ? { fill: 'E9EDF1', type: ShadingType.CLEAR, color: 'auto' } : undefined,
  });
}

function table(columns: readonly string[], rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
    ],
  });
}

export async function narrativeDocx(doc: NarrativeDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let orderedLists = 0;
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'heading':
        children.push(new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(docxText(b.text))] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ children: runs(b.runs), spacing: { after: 120 } }));
        break;
      case 'list': {
        const instance = ++orderedLists;
        for (const item of b.items) {
          children.push(
            new Paragraph({
              children: runs(item),
              ...(b.ordered ? { numbering: { reference: 'ordered', level: 0, instance } } : { bullet: { level: 0 } }),
              spacing: { after: 60 },
            }),
          );
        }
        break;
      }
      case 'table':
        children.push(table(b.columns, b.rows));
        children.push(new Paragraph({ children: [] }));
        break;
      case 'record':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_4, children: [new TextRun(docxText(b.title))] }));
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: b.fields.map(([name, value]) => new TableRow({ children: [cell(name, true), cell(value, false)] })),
          }),
        );
        break;
      case 'diagram': {
        const png = options.diagramPng;
        if (!png) break;
        let width = TEXT_WIDTH_PX;
        let height = Math.round((png.height / png.width) * width);
        if (height > MAX_IMAGE_HEIGHT_PX) {
          width = Math.round((MAX_IMAGE_HEIGHT_PX / height) * width);
          height = MAX_IMAGE_HEIGHT_PX;
        }
        const image: ParagraphChild = new ImageRun({
          type: 'png',
          data: png.data,
          transformation: { width, height },
          altText: { name: 'Theory of change diagram', title: docxText(doc.title), description: docxText(b.caption) },
        });
        children.push(new Paragraph({ children: [image], alignment: AlignmentType.CENTER }));
        children.push(new Paragraph({ children: [new TextRun({ text: docxText(b.caption), italics: true })], alignment: AlignmentType.CENTER }));
        break;
      }
    }
  }
  const document = new Document({
    creator: docxText(options.creator ?? 'ToC Studio'),
    title: docxText(doc.title),
    description: 'Theory of change narrative generated by ToC Studio',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [{ reference: 'ordered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 540, hanging: 360 } } } }] }],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS } } },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
