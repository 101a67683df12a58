// Model (+ layout) → one self-contained SVG document: the same shapes, colours, tags and line styles
// as the canvas (theme.ts), labels wrapped exactly as on the canvas (text.ts) and drawn as real
// <text>, never <foreignObject>, so PDF converters, screen readers and search all see the words.
// Pure: runs in Node and in the browser. Every piece of user text goes through escapeXml.
import { escapeXml, type EdgeKind, type Model, type NodeKind, type TocEdge } from '../model';
import { fontFaceCss, type EmbeddedFont } from './fonts';
import {
  edgePath,
  midpoint,
  placeNodes,
  stageColumns,
  type Box,
  type PlacedNode,
  type Point,
  type PositionsInput,
  type RoutesInput,
  type StageColumn,
} from './geometry';
import { fontTextWidth, wrapLabel, type FontWeight } from './text';
import {
  ARROW_BOX,
  arrowHead,
  arrowHeadId,
  BADGE_STYLES,
  CANVAS_BACKGROUND,
  COLUMN,
  EDGE_STYLES,
  EMPHASIS_INSET,
  FONT_STACK,
  FONTS,
  HORIZON_STYLES,
  LABEL_COLOUR,
  NODE_STYLES,
  SEVERITY_ORDER,
  shapePath,
  type FontSpec,
} from './theme';

export type { EmbeddedFont } from './fonts';
export type { EdgeRoute, Point, PositionsInput, RoutesInput, StageColumn } from './geometry';

type Severity = keyof typeof BADGE_STYLES;

/** What the renderer needs of a rule-checker finding (src/lint's Finding satisfies it). */
export interface FindingMark {
  severity: Severity;
  nodeId?: string;
  suppressed?: unknown;
}

export interface RenderOptions {
  /** Positions from the layout; a node without one here uses its stored position, else a stage column. */
  positions?: PositionsInput;
  /** Edge routes from the layout, by edge id; an edge without one is drawn straight or as an elbow. */
  routes?: RoutesInput;
  /** Stage column extents; by default they are derived from the spine nodes. `false` hides them. */
  columns?: readonly StageColumn[] | false;
  /** Stage bands from the layout (src/layout's `stages`): columns for LR, rows for TB. Overrides `columns`. */
  stages?: { direction: 'LR' | 'TB'; bands: readonly StageBand[] };
  /** Findings to show as badges on their nodes (suppressed ones are left out). */
  findings?: readonly FindingMark[];
  /** Title block: the model's title unless given; `false` leaves the block out. */
  titleBlock?: false | { title?: string; version?: string; date?: string; subtitle?: string };
  legend?: boolean;
  /** The font files to embed (see fonts.ts); without them the font is named but not embedded. */
  fonts?: readonly EmbeddedFont[];
  /** Background colour, or null for transparent. */
  background?: string | null;
  /** Prefix for the ids inside the SVG, for several drawings in one HTML page. */
  idPrefix?: string;
}

/** A stage band along the reading axis (x for LR, y for TB), as the layout reports it. */
export interface StageBand {
  id: string;
  header: string;
  start: number;
  end: number;
}

/** A rendered drawing, with the pieces a page composer (PDF tiles) needs. */
export interface Diagram {
  svg: string;
  width: number;
  height: number;
  /** The smallest font size used, in drawing units: the PDF planner keeps it ≥ 7 pt at print size. */
  minFontSize: number;
  /** Marker definitions, for composing pages from the same drawing. */
  defs: string;
  /** @font-face rules (empty when no fonts were given). */
  fontCss: string;
  /** The drawing itself, in a 0 0 width height coordinate system. */
  body: string;
  /** The drawing with only the nodes, edges and labels that reach into `view` (for print sheets). */
  bodyFor(view: { x: number; y: number; width: number; height: number }): string;
  /** The font weights and characters the drawing's text uses (for choosing which font files to embed). */
  weights: ReadonlySet<number>;
  codePoints: ReadonlySet<number>;
}

const MARGIN = 24;
const TITLE_FONT: FontSpec = { size: 22, weight: 700, lineHeight: 28, letterSpacing: 0 };
const SUBTITLE_FONT: FontSpec = { size: 12, weight: 500, lineHeight: 16, letterSpacing: 0 };
const LEGEND_HEADING: FontSpec = { size: 12, weight: 700, lineHeight: 16, letterSpacing: 0.3 };
const HEADER_BAND = 28;
const ROW_GUTTER = 130;
/** Inter's ascender and descender in em (hhea), for placing baselines as CSS line boxes do on the canvas. */
const ASCENT = 0.96875;
const DESCENT = 0.2421875;
const MUTED_TEXT = '#3D4852';

const r = (v: number) => (Math.round(v * 100) / 100).toString();

/** The y of the baseline of a line of text whose line box starts at `top`. */
function baseline(top: number, font: FontSpec): number {
  return top + (font.lineHeight - (ASCENT + DESCENT) * font.size) / 2 + ASCENT * font.size;
}

class TextTracker {
  readonly weights = new Set<number>();
  readonly codePoints = new Set<number>();
  minSize = Infinity;

  /** A <text> element of one or more lines; `lines` are plain text, escaped here. */
  text(
    x: number,
    top: number,
    lines: readonly string[],
    font: FontSpec,
    fill: string,
    anchor: 'start' | 'middle' | 'end' = 'start',
    extra = '',
  ): string {
    this.weights.add(font.weight);
    this.minSize = Math.min(this.minSize, font.size);
    for (const line of lines) for (const ch of line) this.codePoints.add(ch.codePointAt(0)!);
    const attrs =
      `font-size="${font.size}" font-weight="${font.weight}" fill="${fill}"` +
      (anchor !== 'start' ? ` text-anchor="${anchor}"` : '') +
      (font.letterSpacing ? ` letter-spacing="${font.letterSpacing}"` : '') +
      extra;
    const y0 = baseline(top, font);
    if (lines.length === 1) return `<text x="${r(x)}" y="${r(y0)}" ${attrs}>${escapeXml(lines[0]!)}</text>`;
    const spans = lines.map((line, i) => `<tspan x="${r(x)}" y="${r(y0 + i * font.lineHeight)}">${escapeXml(line)}</tspan>`);
    return `<text ${attrs}>${spans.join('')}</text>`;
  }
}

function markerDefs(prefix: string, kinds: Iterable<EdgeKind>): string {
  const out: string[] = [];
  for (const kind of kinds) {
    const stroke = EDGE_STYLES[kind].stroke;
    const head = arrowHead(kind);
    const paint = head.closed
      ? `fill="${stroke}"`
      : `fill="none" stroke="${stroke}" stroke-width="${ARROW_BOX.openStrokeWidth}" stroke-linejoin="miter"`;
    out.push(
      `<marker id="${arrowHeadId(prefix, kind)}" viewBox="${ARROW_BOX.viewBox}" refX="${ARROW_BOX.refX}" refY="${ARROW_BOX.refY}" ` +
        `markerWidth="${r(head.size)}" markerHeight="${r(head.size)}" orient="auto"><path d="${head.path}" ${paint}/></marker>`,
    );
  }
  return out.join('');
}

function pathData(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join(' ');
}

function nodeFill(placed: PlacedNode): string {
  const node = placed.node;
  if (node.kind === 'outcome' && node.horizon) return HORIZON_STYLES[node.horizon].fill;
  return NODE_STYLES[node.kind].fill;
}

function drawNode(placed: PlacedNode, text: TextTracker, badges: Map<Severity, number> | undefined): string {
  const { node, layout } = placed;
  const style = NODE_STYLES[node.kind];
  const w = layout.width;
  const h = layout.height;
  const shape = shapePath(style.shape, w, h, style.borderWidth);
  const parts: string[] = [];
  parts.push(
    `<path d="${shape.outline}" fill="${nodeFill(placed)}" stroke="${style.border}" stroke-width="${style.borderWidth}"` +
      (style.borderDash ? ` stroke-dasharray="${style.borderDash}"` : '') +
      ' stroke-linejoin="round"/>',
  );
  if (style.emphasis) {
    const inner = shapePath(style.shape, w - 2 * EMPHASIS_INSET, h - 2 * EMPHASIS_INSET, 1);
    parts.push(
      `<path d="${inner.outline}" transform="translate(${EMPHASIS_INSET},${EMPHASIS_INSET})" fill="none" stroke="${style.border}" stroke-width="1"/>`,
    );
  }
  if (shape.detail) parts.push(`<path d="${shape.detail}" fill="none" stroke="${style.border}" stroke-width="${style.borderWidth}"/>`);
  const cx = layout.textX + layout.textWidth / 2;
  parts.push(text.text(cx, layout.tagTop, [layout.tag], FONTS.tag, style.tagColour, 'middle'));
  parts.push(text.text(cx, layout.labelTop, layout.lines, layout.font, LABEL_COLOUR, 'middle'));
  if (badges && badges.size > 0) parts.push(drawBadges(w, badges, text));
  return `<g transform="translate(${r(placed.x)},${r(placed.y)})" data-node-id="${escapeXml(node.id)}" data-kind="${node.kind}">${parts.join('')}</g>`;
}

const BADGE = 16;

function drawBadges(width: number, counts: Map<Severity, number>, text: TextTracker): string {
  const severities = [...counts.keys()].sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);
  const out: string[] = [];
  let right = width + 6;
  for (const severity of severities.reverse()) {
    const style = BADGE_STYLES[severity];
    const count = String(counts.get(severity));
    const countWidth = fontTextWidth(count, FONTS.small) + 6;
    const x = right - BADGE - countWidth;
    const y = -BADGE / 2;
    let shape: string;
    if (style.shape === 'square') shape = `<rect x="0" y="0" width="${BADGE}" height="${BADGE}" rx="2" fill="${style.fill}"/>`;
    else if (style.shape === 'triangle') shape = `<path d="M8,0 L16,15 L0,15 Z" fill="${style.fill}" stroke="#7A5200" stroke-width="0.75"/>`;
    else shape = `<circle cx="8" cy="8" r="8" fill="${style.fill}"/>`;
    // The glyph is drawn, not typed: ✕ is not in Inter, and a fallback font would differ by machine.
    let glyph: string;
    if (severity === 'error') glyph = `<path d="M4.5,4.5 L11.5,11.5 M11.5,4.5 L4.5,11.5" stroke="${style.text}" stroke-width="2" stroke-linecap="round"/>`;
    else if (severity === 'warning') glyph = `<path d="M8,5 L8,10" stroke="${style.text}" stroke-width="2" stroke-linecap="round"/><circle cx="8" cy="12.6" r="1.1" fill="${style.text}"/>`;
    else glyph = `<path d="M8,7.2 L8,12" stroke="${style.text}" stroke-width="2" stroke-linecap="round"/><circle cx="8" cy="4.4" r="1.2" fill="${style.text}"/>`;
    out.push(
      `<g transform="translate(${r(x)},${r(y)})" data-badge="${severity}">` +
        `<rect x="${BADGE - 2}" y="1" width="${r(countWidth + 2)}" height="${BADGE - 2}" rx="3" fill="#FFFFFF" stroke="${style.fill}" stroke-width="1"/>` +
        shape +
        glyph +
        text.text(BADGE + countWidth / 2 - 1, 1, [count], { ...FONTS.small, lineHeight: BADGE - 2 }, LABEL_COLOUR, 'middle') +
        '</g>',
    );
    right = x - 4;
  }
  return out.join('');
}

function formatName(value: string): string {
  return value.replace(/-/g, ' ');
}

function edgeLabelText(edge: TocEdge): string | undefined {
  const parts: string[] = [];
  if (edge.label) parts.push(edge.label);
  if (EDGE_STYLES[edge.kind].labelAttribute === 'format' && edge.kind === 'feeds-back' && edge.format) parts.push(formatName(edge.format));
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function drawEdgeLabel(at: Point, label: string, colour: string, text: TextTracker): string {
  const font = FONTS.small;
  const lines = wrapLabel(label, 160, font.size, font.weight as FontWeight);
  const width = Math.max(...lines.map((l) => fontTextWidth(l, font))) + 8;
  const height = lines.length * font.lineHeight + 4;
  const x = at.x - width / 2;
  const y = at.y - height / 2;
  return (
    `<rect x="${r(x)}" y="${r(y)}" width="${r(width)}" height="${r(height)}" rx="3" fill="#FFFFFF" fill-opacity="0.92" stroke="${colour}" stroke-width="0.75"/>` +
    text.text(at.x, y + 2, lines, font, LABEL_COLOUR, 'middle')
  );
}

/** The legend's entries: only the node kinds and edge kinds the drawing uses, in the theme's order. */
function drawLegend(
  nodeKinds: readonly NodeKind[],
  edgeKinds: readonly EdgeKind[],
  width: number,
  prefix: string,
  text: TextTracker,
): { svg: string; height: number } {
  const font = FONTS.small;
  const items: { width: number; draw: (x: number, y: number) => string }[] = [];
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  for (const kind of nodeKinds) {
    const style = NODE_STYLES[kind];
    const name = capital(style.name);
    const sw = 36;
    const sh = 22;
    items.push({
      width: sw + 6 + fontTextWidth(name, font),
      draw: (x, y) => {
        const shape = shapePath(style.shape, sw, sh, Math.min(style.borderWidth, 1.5));
        return (
          `<g transform="translate(${r(x)},${r(y)})"><path d="${shape.outline}" fill="${style.fill}" stroke="${style.border}" stroke-width="${Math.min(style.borderWidth, 1.5)}"` +
          (style.borderDash ? ` stroke-dasharray="${style.borderDash}"` : '') +
          '/>' +
          (shape.detail ? `<path d="${shape.detail}" fill="none" stroke="${style.border}" stroke-width="1"/>` : '') +
          '</g>' +
          text.text(x + sw + 6, y + (sh - font.lineHeight) / 2, [name], font, LABEL_COLOUR)
        );
      },
    });
  }
  for (const kind of edgeKinds) {
    const style = EDGE_STYLES[kind];
    const name = style.name;
    const lw = 40;
    items.push({
      width: lw + 6 + fontTextWidth(name, font),
      draw: (x, y) =>
        `<path d="M${r(x)},${r(y + 11)} L${r(x + lw - 2)},${r(y + 11)}" fill="none" stroke="${style.stroke}" stroke-width="${style.width}"` +
        (style.dash ? ` stroke-dasharray="${style.dash}"` : '') +
        ` stroke-linecap="${style.lineCap}" marker-end="url(#${arrowHeadId(prefix, kind)})"/>` +
        text.text(x + lw + 6, y + (22 - font.lineHeight) / 2, [name], font, LABEL_COLOUR),
    });
  }
  const rowHeight = 30;
  const gap = 22;
  const out: string[] = [text.text(0, 0, ['KEY'], LEGEND_HEADING, MUTED_TEXT)];
  let x = 0;
  let y = LEGEND_HEADING.lineHeight + 8;
  for (const item of items) {
    if (x > 0 && x + item.width > width) {
      x = 0;
      y += rowHeight;
    }
    out.push(item.draw(x, y));
    x += item.width + gap;
  }
  return { svg: out.join(''), height: y + rowHeight };
}

function pad(b: Box | { minX: number; minY: number; maxX: number; maxY: number }, by: number): Box {
  if ('minX' in b) return { x: b.minX - by, y: b.minY - by, width: b.maxX - b.minX + 2 * by, height: b.maxY - b.minY + 2 * by };
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function bounds(boxes: Iterable<Box>, points: Iterable<Point>): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (minX === Infinity) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return { minX, minY, maxX, maxY };
}

/** Renders the drawing and returns it with the pieces a page composer needs. */
export function renderDiagram(model: Model | Pick<Model, 'title' | 'nodes' | 'edges'>, options: RenderOptions = {}): Diagram {
  const prefix = options.idPrefix ?? 'toc-';
  const text = new TextTracker();
  const placed = placeNodes(model, options.positions);

  // Findings per node, as badge counts.
  const badgeCounts = new Map<string, Map<Severity, number>>();
  for (const finding of options.findings ?? []) {
    if (!finding.nodeId || finding.suppressed || !placed.has(finding.nodeId)) continue;
    let counts = badgeCounts.get(finding.nodeId);
    if (!counts) badgeCounts.set(finding.nodeId, (counts = new Map()));
    counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  }

  // Edges, with their paths, in the model's order.
  const edgeKinds = new Set<EdgeKind>();
  const edgeSvg: string[] = [];
  const labelSvg: string[] = [];
  // Bounding boxes (drawing coordinates) beside each piece, so a print sheet can leave out what it cannot show.
  const edgeBoxes: Box[] = [];
  const labelBoxes: Box[] = [];
  const edgePoints: Point[] = [];
  for (const edge of model.edges) {
    const source = placed.get(edge.source);
    const target = placed.get(edge.target);
    if (!source || !target) continue;
    const style = EDGE_STYLES[edge.kind];
    edgeKinds.add(edge.kind);
    const points = edgePath(edge, source, target, options.routes);
    edgePoints.push(...points);
    edgeSvg.push(
      `<path d="${pathData(points)}" fill="none" stroke="${style.stroke}" stroke-width="${style.width}"` +
        (style.dash ? ` stroke-dasharray="${style.dash}"` : '') +
        ` stroke-linecap="${style.lineCap}" stroke-linejoin="round" marker-end="url(#${arrowHeadId(prefix, edge.kind)})" data-edge-id="${escapeXml(edge.id)}" data-kind="${edge.kind}"/>`,
    );
    const label = edgeLabelText(edge);
    edgeBoxes.push(pad(bounds([], points), 14));
    if (label) {
      const at = midpoint(points);
      labelSvg.push(drawEdgeLabel(at, label, style.stroke, text));
      labelBoxes.push({ x: at.x - 90, y: at.y - 40, width: 180, height: 80 });
    }
  }

  const boxes = [...placed.values()];
  const rows = options.columns !== false && options.stages?.direction === 'TB' ? options.stages.bands : [];
  const columns =
    options.columns === false || rows.length > 0
      ? []
      : options.stages
        ? options.stages.bands.map((b) => ({ id: b.id, header: b.header, x: b.start - 10, width: b.end - b.start + 20 }))
        : (options.columns ?? stageColumns(boxes));
  const content = bounds(boxes, edgePoints);
  for (const column of columns) {
    content.minX = Math.min(content.minX, column.x);
    content.maxX = Math.max(content.maxX, column.x + column.width);
  }
  if (rows.length > 0) {
    // Stage rows (top-to-bottom layout): headers in a gutter on the left.
    content.minX -= ROW_GUTTER + 10;
    for (const row of rows) {
      content.minY = Math.min(content.minY, row.start - 10);
      content.maxY = Math.max(content.maxY, row.end + 10);
    }
  }
  const contentWidth = content.maxX - content.minX;

  // The title block sets the width it wraps to from the drawing, with a floor for tiny drawings.
  const innerWidth = Math.max(contentWidth, 560);
  const parts: string[] = [];
  let y = MARGIN;
  if (options.titleBlock !== false) {
    const block = options.titleBlock ?? {};
    const title = block.title ?? model.title;
    const titleLines = wrapLabel(title, innerWidth, TITLE_FONT.size, TITLE_FONT.weight as FontWeight);
    parts.push(`<g data-part="title-block">`);
    parts.push(text.text(MARGIN, y, titleLines, TITLE_FONT, LABEL_COLOUR));
    y += titleLines.length * TITLE_FONT.lineHeight + 4;
    const meta = [block.subtitle ?? 'Theory of change', block.version ? `Version ${block.version}` : undefined, block.date].filter(
      (s): s is string => !!s,
    );
    parts.push(text.text(MARGIN, y, [meta.join('  ·  ')], SUBTITLE_FONT, MUTED_TEXT));
    y += SUBTITLE_FONT.lineHeight;
    parts.push(`<path d="M${MARGIN},${r(y + 8)} H${r(MARGIN + innerWidth)}" stroke="#C9D1D9" stroke-width="1"/>`);
    parts.push('</g>');
    y += 24;
  }
  const headerTop = y;
  if (columns.length > 0) y += HEADER_BAND + 10;
  const dx = MARGIN - content.minX;
  const dy = y - content.minY;
  const drawingBottom = y + (content.maxY - content.minY);

  const diagram: string[] = [];
  const titleEnd = parts.length;
  if (columns.length > 0) {
    const bandTop = headerTop - dy;
    const bandBottom = content.maxY + 12;
    diagram.push('<g data-part="stage-columns">');
    for (const column of columns) {
      diagram.push(
        `<rect x="${r(column.x)}" y="${r(bandTop)}" width="${r(column.width)}" height="${r(bandBottom - bandTop)}" fill="${COLUMN.fill}"/>` +
          `<rect x="${r(column.x)}" y="${r(bandTop)}" width="${r(column.width)}" height="${HEADER_BAND}" fill="${COLUMN.headerFill}"/>`,
      );
      const header = wrapLabel(column.header, column.width - 8, FONTS.columnHeader.size, FONTS.columnHeader.weight)[0] ?? column.header;
      diagram.push(
        text.text(column.x + column.width / 2, bandTop + (HEADER_BAND - FONTS.columnHeader.lineHeight) / 2, [header], FONTS.columnHeader, COLUMN.headerText, 'middle'),
      );
    }
    diagram.push('</g>');
  }
  if (rows.length > 0) {
    diagram.push('<g data-part="stage-rows">');
    const font = FONTS.columnHeader;
    for (const row of rows) {
      const top = row.start - 10;
      const height = row.end - row.start + 20;
      diagram.push(
        `<rect x="${r(content.minX)}" y="${r(top)}" width="${r(content.maxX - content.minX)}" height="${r(height)}" fill="${COLUMN.fill}"/>` +
          `<rect x="${r(content.minX)}" y="${r(top)}" width="${ROW_GUTTER}" height="${r(height)}" fill="${COLUMN.headerFill}"/>`,
      );
      const lines = wrapLabel(row.header, ROW_GUTTER - 12, font.size, font.weight);
      diagram.push(text.text(content.minX + 6, top + (height - lines.length * font.lineHeight) / 2, lines, font, COLUMN.headerText));
    }
    diagram.push('</g>');
  }
  const bandsEnd = diagram.length;
  diagram.push(`<g data-part="edges">${edgeSvg.join('')}</g>`);
  const nodeKinds = new Set<NodeKind>();
  const nodeSvg: string[] = [];
  for (const box of boxes) {
    nodeKinds.add(box.node.kind);
    nodeSvg.push(drawNode(box, text, badgeCounts.get(box.node.id)));
  }
  diagram.push(`<g data-part="nodes">${nodeSvg.join('')}</g>`);
  if (labelSvg.length > 0) diagram.push(`<g data-part="edge-labels">${labelSvg.join('')}</g>`);
  const diagramOpen = `<g data-part="diagram" transform="translate(${r(dx)},${r(dy)})">`;
  parts.push(`${diagramOpen}${diagram.join('')}</g>`);
  const afterDiagram = parts.length;
  y = drawingBottom + (boxes.length > 0 ? 28 : 0);

  const usedNodeKinds = (Object.keys(NODE_STYLES) as NodeKind[]).filter((k) => nodeKinds.has(k));
  const usedEdgeKinds = (Object.keys(EDGE_STYLES) as EdgeKind[]).filter((k) => edgeKinds.has(k));
  if (options.legend !== false && (usedNodeKinds.length > 0 || usedEdgeKinds.length > 0)) {
    const legend = drawLegend(usedNodeKinds, usedEdgeKinds, innerWidth, prefix, text);
    parts.push(`<g data-part="legend" transform="translate(${MARGIN},${r(y)})">${legend.svg}</g>`);
    y += legend.height;
  }
  const width = Math.ceil(innerWidth + 2 * MARGIN);
  const height = Math.ceil(y + MARGIN);

  const defs = markerDefs(prefix, usedEdgeKinds.length > 0 ? usedEdgeKinds : []);
  const fontCss = options.fonts && options.fonts.length > 0 ? fontFaceCss(options.fonts, text.weights, text.codePoints) : '';
  const background = options.background === undefined ? CANVAS_BACKGROUND : options.background;
  const backdrop = background ? `<rect x="0" y="0" width="${width}" height="${height}" fill="${background}"/>` : '';
  const body = backdrop + parts.join('');
  const bodyFor = (view: Box): string => {
    const v = { x: view.x - dx, y: view.y - dy, width: view.width, height: view.height };
    const pick = (items: string[], boxes: Box[]) => items.filter((_, i) => intersects(boxes[i]!, v)).join('');
    const nodeBoxes = boxes.map((b) => pad(b, 14));
    return (
      backdrop +
      parts.slice(0, titleEnd).join('') +
      diagramOpen +
      diagram.slice(0, bandsEnd).join('') +
      `<g data-part="edges">${pick(edgeSvg, edgeBoxes)}</g>` +
      `<g data-part="nodes">${pick(nodeSvg, nodeBoxes)}</g>` +
      (labelSvg.length > 0 ? `<g data-part="edge-labels">${pick(labelSvg, labelBoxes)}</g>` : '') +
      '</g>' +
      parts.slice(afterDiagram).join('')
    );
  };
  const title = options.titleBlock === false ? model.title : (options.titleBlock?.title ?? model.title);
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="${prefix}title" font-family="${escapeXml(FONT_STACK)}">` +
    `<title id="${prefix}title">${escapeXml(title)}</title>` +
    `<defs>${fontCss ? `<style>${fontCss}</style>` : ''}${defs}</defs>` +
    body +
    `</svg>\n`;
  return {
    svg,
    width,
    height,
    minFontSize: text.minSize === Infinity ? FONTS.tag.size : text.minSize,
    defs,
    fontCss,
    body,
    bodyFor,
    weights: text.weights,
    codePoints: text.codePoints,
  };
}

/** The model as one self-contained SVG document (see renderDiagram for the options). */
export function renderSvg(model: Model | Pick<Model, 'title' | 'nodes' | 'edges'>, options: RenderOptions = {}): string {
  return renderDiagram(model, options).svg;
}
