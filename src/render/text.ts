// Text measurement and wrapping for the bundled Inter, without a DOM: the canvas, the layout and the
// SVG export all wrap labels with these functions, so a label breaks at the same place everywhere
// and never overflows its box. Widths come from a table measured once in Chromium
// (inter-metrics.ts); kerning is ignored, which only ever makes a line measure a little wider.
import type { TocNode } from '../model';
import { INTER_ADVANCES, INTER_CHARS, INTER_UNITS_PER_EM } from './inter-metrics';
import {
  DIRECTION_TAGS,
  FONTS,
  HORIZON_STYLES,
  NODE_PADDING,
  NODE_STYLES,
  shapeInsets,
  type FontSpec,
} from './theme';

export type FontWeight = 400 | 500 | 600 | 700;

const TABLES: Record<FontWeight, Map<number, number>> = (() => {
  const codePoints = [...INTER_CHARS].map((ch) => ch.codePointAt(0)!);
  const table = (weight: FontWeight) => new Map(codePoints.map((cp, i) => [cp, INTER_ADVANCES[weight][i]! / INTER_UNITS_PER_EM]));
  return { 400: table(400), 500: table(500), 600: table(600), 700: table(700) };
})();

/** Width in em of a character Inter does not have, drawn by a fallback font: a generous estimate. */
function fallbackEm(cp: number): number {
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x2060) {
    return 0; // combining marks, zero-width characters, variation selectors
  }
  if ((cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf)) return 1.25; // emoji and symbols
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000
  ) {
    return 1; // East Asian wide characters
  }
  return 0.75;
}

/** Width in px of a run of text on one line. */
export function textWidth(text: string, fontSize: number, weight: FontWeight = FONTS.label.weight, letterSpacing = 0): number {
  const table = TABLES[weight];
  let em = 0;
  let count = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    em += table.get(cp) ?? fallbackEm(cp);
    count++;
  }
  return em * fontSize + count * letterSpacing;
}

/** Width of a text in a font of the theme. */
export function fontTextWidth(text: string, font: FontSpec): number {
  return textWidth(text, font.size, font.weight, font.letterSpacing);
}

/** Room kept free on each line for rounding in the browser's own layout. */
const SLACK = 1;

/**
 * Breaks a label into lines no wider than `maxWidth` px: at spaces where possible, after a hyphen or
 * slash inside a long word next, and between characters only when a single word is wider than a line.
 * A line break in the text starts a new line; runs of spaces collapse to one.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, weight: FontWeight = FONTS.label.weight): string[] {
  const limit = Math.max(maxWidth - SLACK, fontSize);
  const width = (s: string) => textWidth(s, fontSize, weight);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const words = paragraph.split(/[ \t\f\v\u00a0]+/).filter((w) => w !== '');
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (width(candidate) <= limit) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const piece of splitLongWord(word, limit, width)) {
        if (line !== '') lines.push(line);
        line = piece;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** A word wider than a line, cut into pieces that fit (the last piece may be joined by what follows). */
function splitLongWord(word: string, limit: number, width: (s: string) => number): string[] {
  if (width(word) <= limit) return [word];
  const pieces: string[] = [];
  const chars = [...word];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    let lastBreak = -1;
    while (end < chars.length && width(chars.slice(start, end + 1).join('')) <= limit) {
      if (chars[end - 1] === '-' || chars[end - 1] === '/') lastBreak = end;
      end++;
    }
    if (end < chars.length && lastBreak > start) end = lastBreak;
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

/** The tag drawn above a node's label: its kind, with an outcome's horizon or a mechanism's direction. */
export function nodeTag(node: TocNode): string {
  const base = NODE_STYLES[node.kind].tag;
  if (node.kind === 'outcome' && node.horizon) return `${base} · ${HORIZON_STYLES[node.horizon].tag}`;
  if (node.kind === 'mechanism' && node.direction) return `${base} · ${DIRECTION_TAGS[node.direction]}`;
  return base;
}

export interface NodeLayout {
  width: number;
  height: number;
  tag: string;
  lines: string[];
  /** The label font (spine nodes use a larger one than satellites). */
  font: FontSpec;
  /** Left edge and width of the text column inside the box. */
  textX: number;
  textWidth: number;
  /** Top of the tag line and of the first label line, from the top of the box. */
  tagTop: number;
  labelTop: number;
}

/** Where everything inside a node's box goes; the canvas and the SVG export both draw from this. */
export function nodeLayout(node: Pick<TocNode, 'kind' | 'label'> & Partial<TocNode>): NodeLayout {
  const style = NODE_STYLES[node.kind];
  const font = style.role === 'spine' ? FONTS.label : FONTS.satelliteLabel;
  const width = style.width;
  const insets = shapeInsets(style.shape, width);
  const columnWidth = width - 2 * insets.x;
  const lines = wrapLabel(node.label, columnWidth, font.size, font.weight);
  const content =
    NODE_PADDING.top + FONTS.tag.lineHeight + NODE_PADDING.tagGap + lines.length * font.lineHeight + NODE_PADDING.bottom;
  const height = Math.ceil(content * insets.heightScale + insets.top + insets.bottom);
  const tagTop = Math.round(insets.top + (height - insets.top - insets.bottom - content) / 2) + NODE_PADDING.top;
  return {
    width,
    height,
    tag: nodeTag(node as TocNode),
    lines,
    font,
    textX: insets.x,
    textWidth: columnWidth,
    tagTop,
    labelTop: tagTop + FONTS.tag.lineHeight + NODE_PADDING.tagGap,
  };
}

/** The box size of a node in canvas units (whole numbers). */
export function nodeSize(node: Pick<TocNode, 'kind' | 'label'> & Partial<TocNode>): { width: number; height: number } {
  const { width, height } = nodeLayout(node);
  return { width, height };
}
