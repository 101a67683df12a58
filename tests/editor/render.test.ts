import { describe, expect, it } from 'vitest';
import { NODE_KINDS, type TocNode } from '../../src/model';
import { fontTextWidth, nodeLayout, nodeSize, nodeTag, textWidth, wrapLabel } from '../../src/render/text';
import { BADGE_STYLES, COLUMN, EDGE_STYLES, FONTS, HORIZON_STYLES, LABEL_COLOUR, NODE_STYLES, shapePath } from '../../src/render/theme';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('theme', () => {
  it('gives every kind a shape, a tag and colours with AA contrast', () => {
    const shapes = new Set<string>();
    for (const kind of NODE_KINDS) {
      const style = NODE_STYLES[kind];
      shapes.add(style.shape);
      expect(style.tag).toMatch(/^[A-Z]+$/);
      const fills = kind === 'outcome' ? [style.fill, ...Object.values(HORIZON_STYLES).map((h) => h.fill)] : [style.fill];
      for (const fill of fills) {
        expect(contrast(LABEL_COLOUR, fill), `${kind} label`).toBeGreaterThanOrEqual(7);
        expect(contrast(style.tagColour, fill), `${kind} tag`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(style.border, fill), `${kind} border`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(shapes.size).toBe(NODE_KINDS.length); // kind never rests on colour alone
  });

  it('draws edges with visible strokes and badges with readable glyphs', () => {
    for (const [kind, style] of Object.entries(EDGE_STYLES)) expect(contrast(style.stroke, '#FFFFFF'), kind).toBeGreaterThanOrEqual(3);
    for (const [severity, style] of Object.entries(BADGE_STYLES)) expect(contrast(style.text, style.fill), severity).toBeGreaterThanOrEqual(4.5);
    expect(new Set(Object.values(BADGE_STYLES).map((b) => b.shape)).size).toBe(3);
    expect(contrast(COLUMN.headerText, COLUMN.headerFill)).toBeGreaterThanOrEqual(4.5);
  });

  it('makes closed outlines for every shape', () => {
    for (const kind of NODE_KINDS) {
      const { outline } = shapePath(NODE_STYLES[kind].shape, 200, 60, 2);
      expect(outline).toMatch(/^M[\d.]+,[\d.]+ .*Z$/);
      expect(outline).not.toMatch(/NaN/);
    }
  });
});

describe('text', () => {
  it('measures with the Inter table and scales with the font size', () => {
    expect(textWidth('', 14)).toBe(0);
    expect(textWidth('Hello', 28)).toBeCloseTo(textWidth('Hello', 14) * 2, 6);
    expect(textWidth('W', 14)).toBeGreaterThan(textWidth('i', 14));
    expect(textWidth('abc', 14, 700)).toBeGreaterThan(textWidth('abc', 14, 400));
    expect(textWidth('日本', 10)).toBe(20); // not in Inter: a full em each
  });

  it('wraps at spaces so no line is wider than the limit', () => {
    const text = 'Clinicians feel a shared professional identity and compare their results with peer units';
    const lines = wrapLabel(text, 150, 14);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(150);
  });

  it('breaks a word wider than a line, after a hyphen or slash when it can', () => {
    const lines = wrapLabel('Pneumonoultramicroscopicsilicovolcanoconiosis-prevention/bundle', 100, 14);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(100);
    expect(lines.join('')).toBe('Pneumonoultramicroscopicsilicovolcanoconiosis-prevention/bundle');
    expect(lines.some((line) => line.endsWith('-') || line.endsWith('/'))).toBe(true);
  });

  it('keeps explicit line breaks and collapses runs of spaces', () => {
    expect(wrapLabel('one   two\nthree', 500, 14)).toEqual(['one two', 'three']);
    expect(wrapLabel('', 100, 14)).toEqual(['']);
  });

  it('sizes every kind of node to fit its tag and wrapped label', () => {
    const long = 'A deliberately long label that needs several lines to fit inside the box of any kind of node at all';
    for (const kind of NODE_KINDS) {
      const node = { id: 'n', kind, label: long, horizon: 'medium', direction: 'horizontal' } as TocNode;
      const layout = nodeLayout(node);
      expect(nodeSize(node)).toEqual({ width: layout.width, height: layout.height });
      expect(Number.isInteger(layout.height)).toBe(true);
      expect(fontTextWidth(layout.tag, FONTS.tag), `${kind} tag`).toBeLessThanOrEqual(layout.textWidth);
      for (const line of layout.lines) expect(textWidth(line, layout.font.size, layout.font.weight)).toBeLessThanOrEqual(layout.textWidth);
      expect(layout.labelTop + layout.lines.length * layout.font.lineHeight).toBeLessThanOrEqual(layout.height);
      const short = nodeLayout({ ...node, label: 'x' });
      expect(layout.height).toBeGreaterThan(short.height);
    }
  });

  it('tags outcomes with their horizon and mechanisms with their direction', () => {
    expect(nodeTag({ id: 'o', kind: 'outcome', label: 'x', horizon: 'long' })).toBe('OUTCOME · LONG-TERM');
    expect(nodeTag({ id: 'm', kind: 'mechanism', label: 'x', direction: 'horizontal' })).toBe('MECHANISM · PEER');
    expect(nodeTag({ id: 'a', kind: 'activity', label: 'x' })).toBe('ACTIVITY');
  });
});
