// For any valid model — markup, right-to-left and emoji text, zero-width characters, edges of any
// kind between any nodes, missing positions — the renderer returns an SVG whose only elements are
// its own: user text never becomes markup.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/render/svg';
import { arbitraryModel } from '../helpers/arbitraries';

const OWN_TAGS = new Set(['svg', 'g', 'defs', 'marker', 'path', 'rect', 'ellipse', 'polygon', 'polyline', 'circle', 'line', 'text', 'tspan', 'title', 'desc', 'style']);

describe('renderSvg on random models', () => {
  it('never throws and emits only its own elements', () => {
    fc.assert(
      fc.property(arbitraryModel(10), (model) => {
        const svg = renderSvg(model);
        const tags = [...svg.matchAll(/<\/?([A-Za-z][\w:-]*)/g)].map((m) => m[1]!);
        expect(tags.filter((tag) => !OWN_TAGS.has(tag))).toEqual([]);
        expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
        expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});
