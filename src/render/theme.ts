// The one visual language (shared/spec/visual-language.md) as plain data: the canvas and every
// export read this module, so a colour or a shape is defined exactly once. No React, no DOM.
//
// Colours come from the Okabe–Ito palette (colour-blind safe). Each kind gets a light fill, a darker
// border (≥ 3:1 against the fill) and a tag colour (≥ 4.5:1, WCAG AA); labels are near-black on every
// fill. tests/editor/theme.test.ts checks those ratios, so a tweak here cannot slip below AA.
import { SPINE_KINDS, type EdgeKind, type NodeKind, type SEVERITIES } from '../model';

type Severity = (typeof SEVERITIES)[number];

/** The Okabe–Ito palette (Okabe & Ito 2008). */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
  grey: '#999999',
} as const;

export const FONT_FAMILY = 'Inter';
/** The CSS font stack: Inter is bundled, the rest only covers scripts Inter lacks. */
export const FONT_STACK = "Inter, 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif";

export interface FontSpec {
  size: number;
  weight: 400 | 500 | 600 | 700;
  lineHeight: number;
  /** Extra space after each character, in px (CSS letter-spacing). */
  letterSpacing: number;
}

export const FONTS = {
  /** Labels of the causal spine (input … impact). */
  label: { size: 14, weight: 500, lineHeight: 18, letterSpacing: 0 },
  /** Labels of satellites (measures, assumptions, stakeholders, context, risks): smaller, secondary. */
  satelliteLabel: { size: 12, weight: 500, lineHeight: 16, letterSpacing: 0 },
  /** The kind tag above the label (INPUT, ACTIVITY, …). */
  tag: { size: 10, weight: 700, lineHeight: 12, letterSpacing: 0.5 },
  /** Stage column headers. */
  columnHeader: { size: 12, weight: 600, lineHeight: 16, letterSpacing: 0.3 },
  /** Badge counts and edge labels. */
  small: { size: 11, weight: 600, lineHeight: 14, letterSpacing: 0 },
} as const satisfies Record<string, FontSpec>;

/** Near-black label text: ≥ 12:1 on every fill below. */
export const LABEL_COLOUR = '#1A1A1A';
export const CANVAS_BACKGROUND = '#FFFFFF';

export type ShapeName =
  | 'parallelogram'
  | 'roundRect'
  | 'hexagon'
  | 'document'
  | 'stadium'
  | 'pentagon'
  | 'note'
  | 'trapezoid'
  | 'octagon'
  | 'ellipse'
  | 'cylinder';

export interface NodeStyle {
  /** Kind name for people, singular ("activity") and plural ("activities"). */
  name: string;
  plural: string;
  /** The text tag drawn on every node, so kind never rests on colour alone. */
  tag: string;
  shape: ShapeName;
  fill: string;
  border: string;
  borderWidth: number;
  /** Dash pattern of the border, or undefined for solid. */
  borderDash?: string;
  /** Tag text colour (AA on `fill`). */
  tagColour: string;
  /** Spine nodes read left to right; satellites are smaller and lighter. */
  role: 'spine' | 'satellite';
  /** Box width in canvas units; the height follows from the wrapped label (render/text.ts). */
  width: number;
  /** Draw a second, inner outline: reserved for community mechanisms, the distinctive part. */
  emphasis?: boolean;
  /** The colour used for the minimap and the legend swatch. */
  swatch: string;
}

// Role comes from the model's SPINE_KINDS, so the canvas, exports and reading view agree on the spine.
const withRole = (kind: NodeKind, style: Omit<NodeStyle, 'role'>): NodeStyle => ({ ...style, role: SPINE_KINDS.includes(kind) ? 'spine' : 'satellite' });

const STYLES_WITHOUT_ROLE: Record<NodeKind, Omit<NodeStyle, 'role'>> = {
  input: {
    name: 'input', plural: 'inputs', tag: 'INPUT', shape: 'parallelogram', width: 200,
    fill: '#FCEFD2', border: '#9A6A00', borderWidth: 1.5, tagColour: '#6E4C00', swatch: OKABE_ITO.orange,
  },
  activity: {
    name: 'activity', plural: 'activities', tag: 'ACTIVITY', shape: 'roundRect', width: 200,
    fill: '#DCEBF6', border: '#0072B2', borderWidth: 1.5, tagColour: '#00517F', swatch: OKABE_ITO.blue,
  },
  mechanism: {
    name: 'mechanism', plural: 'mechanisms', tag: 'MECHANISM', shape: 'hexagon', width: 210,
    fill: '#F6D9EA', border: '#9E3F77', borderWidth: 3, tagColour: '#7A2E5B', swatch: OKABE_ITO.reddishPurple,
    emphasis: true,
  },
  output: {
    name: 'output', plural: 'outputs', tag: 'OUTPUT', shape: 'document', width: 200,
    fill: '#E4F3FC', border: '#2A7FB8', borderWidth: 1.5, tagColour: '#1B5A85', swatch: OKABE_ITO.skyBlue,
  },
  outcome: {
    name: 'outcome', plural: 'outcomes', tag: 'OUTCOME', shape: 'stadium', width: 200,
    fill: '#CDEBE0', border: '#007A59', borderWidth: 1.5, tagColour: '#005640', swatch: OKABE_ITO.bluishGreen,
  },
  impact: {
    name: 'impact', plural: 'impacts', tag: 'IMPACT', shape: 'pentagon', width: 210,
    fill: '#FAF3B8', border: '#7D7100', borderWidth: 2.5, tagColour: '#575000', swatch: OKABE_ITO.yellow,
  },
  assumption: {
    name: 'assumption', plural: 'assumptions', tag: 'ASSUMPTION', shape: 'note', width: 170,
    fill: '#F2F2F2', border: '#767676', borderWidth: 1, borderDash: '4 2', tagColour: '#4D4D4D', swatch: OKABE_ITO.grey,
  },
  context: {
    name: 'context factor', plural: 'context factors', tag: 'CONTEXT', shape: 'trapezoid', width: 170,
    fill: '#FDFAE3', border: '#8C7F00', borderWidth: 1, tagColour: '#575000', swatch: '#C9BE2F',
  },
  risk: {
    name: 'risk', plural: 'risks', tag: 'RISK', shape: 'octagon', width: 170,
    fill: '#FBE4D6', border: '#B34E00', borderWidth: 1.25, tagColour: '#8F3E00', swatch: OKABE_ITO.vermillion,
  },
  stakeholder: {
    name: 'stakeholder', plural: 'stakeholders', tag: 'STAKEHOLDER', shape: 'ellipse', width: 180,
    fill: '#FAFAFA', border: '#333333', borderWidth: 1, tagColour: '#333333', swatch: OKABE_ITO.black,
  },
  measure: {
    name: 'measure', plural: 'measures', tag: 'MEASURE', shape: 'cylinder', width: 170,
    fill: '#EEF5FA', border: '#3A7CA8', borderWidth: 1, tagColour: '#1F5A80', swatch: '#7FB8DE',
  },
};

export const NODE_STYLES = Object.fromEntries(
  Object.entries(STYLES_WITHOUT_ROLE).map(([kind, style]) => [kind, withRole(kind as NodeKind, style)]),
) as Record<NodeKind, NodeStyle>;

/** Outcomes show their horizon in the tag and by shade (darker = further away). */
export const HORIZON_STYLES = {
  short: { tag: 'SHORT-TERM', fill: '#E3F4ED', label: 'Short-term outcome' },
  medium: { tag: 'MEDIUM-TERM', fill: '#CDEBE0', label: 'Medium-term outcome' },
  long: { tag: 'LONG-TERM', fill: '#B3E0CF', label: 'Long-term outcome' },
} as const;

/** Mechanisms show their direction in the tag: peer-to-peer influence is what makes a community. */
export const DIRECTION_TAGS = { horizontal: 'PEER', vertical: 'VERTICAL' } as const;

export interface EdgeStyle {
  /** Verb phrase for people ("leads to"). */
  name: string;
  stroke: string;
  width: number;
  /** SVG stroke-dasharray, or undefined for solid. */
  dash?: string;
  /** Round caps make a dotted dash pattern read as dots. */
  lineCap: 'butt' | 'round';
  /** Arrowhead: a filled triangle, or an open chevron for the lighter relations. */
  arrow: 'closed' | 'open';
  /** Show the edge's `format` (feeds-back) as a small label on the line. */
  labelAttribute?: 'format';
}

const thinGrey = { stroke: '#7A7A7A', width: 1, lineCap: 'butt', arrow: 'open' } as const;

export const EDGE_STYLES: Record<EdgeKind, EdgeStyle> = {
  'leads-to': { name: 'leads to', stroke: '#333333', width: 2, lineCap: 'butt', arrow: 'closed' },
  enables: { name: 'enables', stroke: '#9A6A00', width: 1.75, lineCap: 'butt', arrow: 'closed' },
  measures: { name: 'measures', stroke: '#0072B2', width: 1.5, dash: '6 4', lineCap: 'butt', arrow: 'closed' },
  'feeds-back': {
    name: 'feeds back to', stroke: '#9E3F77', width: 1.75, dash: '6 4', lineCap: 'butt', arrow: 'closed',
    labelAttribute: 'format',
  },
  owns: { name: 'owns', ...thinGrey },
  'participates-in': { name: 'participates in', ...thinGrey },
  underpins: { name: 'underpins', stroke: '#5E5E5E', width: 1.75, dash: '0.1 4', lineCap: 'round', arrow: 'closed' },
  influences: { name: 'influences', stroke: '#7D7100', width: 1.75, dash: '0.1 4', lineCap: 'round', arrow: 'closed' },
  // Distinct colours, and a second cue besides colour: dash-dot for threats, an open head for mitigation.
  mitigates: { name: 'mitigates', stroke: '#007A59', width: 2, lineCap: 'butt', arrow: 'open' },
  threatens: { name: 'threatens', stroke: '#B34E00', width: 2, dash: '9 3 2 3', lineCap: 'butt', arrow: 'closed' },
  'reports-to': { name: 'reports to', ...thinGrey },
};

/**
 * An edge kind's arrowhead, for the canvas, the legend and every export alike: a path in the marker
 * box `ARROW_BOX`, tip at its refX/refY. Sized in stroke widths of the edge (SVG's default
 * markerUnits, which every SVG reader, svg2pdf.js included, honours).
 */
export interface ArrowHead {
  path: string;
  /** Closed heads are filled with the edge's colour; open ones are stroked in it. */
  closed: boolean;
  /** The marker's width and height, in stroke widths of its edge. */
  size: number;
}

export const ARROW_BOX = { viewBox: '0 0 10 10', refX: 9.5, refY: 5, openStrokeWidth: 1.6 } as const;

export function arrowHead(kind: EdgeKind): ArrowHead {
  const style = EDGE_STYLES[kind];
  const size = (7 + style.width * 2.5) / style.width;
  return style.arrow === 'closed' ? { path: 'M0,0 L10,5 L0,10 Z', closed: true, size } : { path: 'M1,1 L9.5,5 L1,9', closed: false, size };
}

/** The id of an edge kind's arrowhead marker; the prefix keeps drawings in one page apart. */
export const arrowHeadId = (prefix: string, kind: EdgeKind) => `${prefix}arrow-${kind}`;

export interface BadgeStyle {
  glyph: string;
  /** Badges differ by shape as well as colour. */
  shape: 'square' | 'triangle' | 'circle';
  fill: string;
  text: string;
  label: string;
}

export const BADGE_STYLES: Record<Severity, BadgeStyle> = {
  error: { glyph: '✕', shape: 'square', fill: '#B34E00', text: '#FFFFFF', label: 'error' },
  warning: { glyph: '!', shape: 'triangle', fill: '#E69F00', text: '#000000', label: 'warning' },
  info: { glyph: 'i', shape: 'circle', fill: '#0072B2', text: '#FFFFFF', label: 'info' },
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stage columns, left to right: the causal spine. */
export const STAGES = [
  { id: 'inputs', header: 'Inputs' },
  { id: 'activities', header: 'Activities' },
  { id: 'mechanisms', header: 'Mechanisms' },
  { id: 'outputs', header: 'Outputs' },
  { id: 'short', header: 'Short-term outcomes' },
  { id: 'medium', header: 'Medium-term outcomes' },
  { id: 'long', header: 'Long-term outcomes' },
  { id: 'impact', header: 'Impact' },
] as const;
export type StageId = (typeof STAGES)[number]['id'];

export const COLUMN = {
  /** Width of one stage column, in canvas units (the examples place columns 300 apart). */
  width: 260,
  /** Gap between columns. */
  gap: 40,
  /** Quiet column fill and header colour (header text ≥ 4.5:1 on the header band). */
  fill: '#F5F7F9',
  headerFill: '#E9EDF1',
  headerText: '#3D4852',
} as const;

/** Left edge of a stage column in canvas units. */
export function columnX(index: number): number {
  return index * (COLUMN.width + COLUMN.gap);
}

/** Box padding around the tag and the label. */
export const NODE_PADDING = { top: 8, bottom: 10, tagGap: 3 } as const;

/** Horizontal space a shape takes from the text on each side, and the extra top/bottom room it needs. */
export function shapeInsets(shape: ShapeName, width: number): { x: number; top: number; bottom: number; heightScale: number } {
  switch (shape) {
    case 'parallelogram':
      return { x: 22, top: 0, bottom: 0, heightScale: 1 };
    case 'hexagon':
      return { x: 24, top: 0, bottom: 0, heightScale: 1 };
    case 'document':
      return { x: 10, top: 0, bottom: 8, heightScale: 1 };
    case 'stadium':
      return { x: 18, top: 0, bottom: 0, heightScale: 1 };
    case 'pentagon':
      return { x: 24, top: 0, bottom: 0, heightScale: 1 };
    case 'note':
      return { x: 12, top: 0, bottom: 0, heightScale: 1 };
    case 'trapezoid':
      return { x: 18, top: 0, bottom: 0, heightScale: 1 };
    case 'octagon':
      return { x: 12, top: 2, bottom: 2, heightScale: 1 };
    case 'ellipse':
      // Text sits in the central rectangle of the ellipse (about 70 % of each axis).
      return { x: Math.ceil(width * 0.15), top: 0, bottom: 0, heightScale: 1 / 0.72 };
    case 'cylinder':
      return { x: 10, top: 10, bottom: 4, heightScale: 1 };
    case 'roundRect':
      return { x: 10, top: 0, bottom: 0, heightScale: 1 };
  }
}

const n = (value: number) => Math.round(value * 100) / 100;

/**
 * The outline of a shape as an SVG path, inside a w × h box, inset by half the stroke so the border
 * is never clipped. `detail` is an extra open path (the fold of a note, the rim of a cylinder).
 */
export function shapePath(shape: ShapeName, w: number, h: number, strokeWidth = 1): { outline: string; detail?: string } {
  const i = strokeWidth / 2;
  const L = i;
  const T = i;
  const R = w - i;
  const B = h - i;
  const W = R - L;
  const H = B - T;
  const p = (points: [number, number][]) => `M${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' L')} Z`;
  switch (shape) {
    case 'roundRect':
      return { outline: roundedRect(L, T, W, H, 8) };
    case 'stadium':
      return { outline: roundedRect(L, T, W, H, Math.min(H / 2, 24)) };
    case 'parallelogram': {
      const s = Math.min(14, W / 4);
      return { outline: p([[L + s, T], [R, T], [R - s, B], [L, B]]) };
    }
    case 'hexagon': {
      const s = Math.min(16, H / 2);
      return { outline: p([[L + s, T], [R - s, T], [R, T + H / 2], [R - s, B], [L + s, B], [L, T + H / 2]]) };
    }
    case 'pentagon': {
      const s = Math.min(20, H / 2);
      return { outline: p([[L, T], [R - s, T], [R, T + H / 2], [R - s, B], [L, B]]) };
    }
    case 'octagon': {
      const c = Math.min(10, H / 3);
      return {
        outline: p([[L + c, T], [R - c, T], [R, T + c], [R, B - c], [R - c, B], [L + c, B], [L, B - c], [L, T + c]]),
      };
    }
    case 'trapezoid': {
      const s = Math.min(10, W / 6);
      return { outline: p([[L, T], [R, T], [R - s, B], [L + s, B]]) };
    }
    case 'note': {
      const f = 12;
      return {
        outline: p([[L, T], [R - f, T], [R, T + f], [R, B], [L, B]]),
        detail: `M${n(R - f)},${n(T)} L${n(R - f)},${n(T + f)} L${n(R)},${n(T + f)}`,
      };
    }
    case 'document': {
      const wave = 6;
      return {
        outline:
          `M${n(L)},${n(T)} L${n(R)},${n(T)} L${n(R)},${n(B - wave)} ` +
          `C${n(L + W * 0.75)},${n(B - wave * 2.2)} ${n(L + W * 0.5)},${n(B + wave * 0.2)} ${n(L + W * 0.25)},${n(B - wave * 0.6)} ` +
          `C${n(L + W * 0.15)},${n(B - wave)} ${n(L + W * 0.07)},${n(B - wave)} ${n(L)},${n(B - wave * 0.7)} Z`,
      };
    }
    case 'ellipse': {
      const rx = W / 2;
      const ry = H / 2;
      return {
        outline: `M${n(L)},${n(T + ry)} A${n(rx)},${n(ry)} 0 1 1 ${n(R)},${n(T + ry)} A${n(rx)},${n(ry)} 0 1 1 ${n(L)},${n(T + ry)} Z`,
      };
    }
    case 'cylinder': {
      const ry = 5;
      const rx = W / 2;
      return {
        outline:
          `M${n(L)},${n(T + ry)} A${n(rx)},${n(ry)} 0 0 1 ${n(R)},${n(T + ry)} L${n(R)},${n(B - ry)} ` +
          `A${n(rx)},${n(ry)} 0 0 1 ${n(L)},${n(B - ry)} Z`,
        detail: `M${n(L)},${n(T + ry)} A${n(rx)},${n(ry)} 0 0 0 ${n(R)},${n(T + ry)}`,
      };
    }
  }
}

function roundedRect(x: number, y: number, w: number, h: number, r: number): string {
  const q = Math.min(r, w / 2, h / 2);
  return (
    `M${n(x + q)},${n(y)} L${n(x + w - q)},${n(y)} A${n(q)},${n(q)} 0 0 1 ${n(x + w)},${n(y + q)} ` +
    `L${n(x + w)},${n(y + h - q)} A${n(q)},${n(q)} 0 0 1 ${n(x + w - q)},${n(y + h)} ` +
    `L${n(x + q)},${n(y + h)} A${n(q)},${n(q)} 0 0 1 ${n(x)},${n(y + h - q)} ` +
    `L${n(x)},${n(y + q)} A${n(q)},${n(q)} 0 0 1 ${n(x + q)},${n(y)} Z`
  );
}

/** The inner outline that makes mechanisms stand out: the same shape, inset by a few units. */
export const EMPHASIS_INSET = 4;
