import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { LayoutResult, Point } from '../../src/layout';
import { parseModel, type Model } from '../../src/model';
import { exampleFiles } from '../helpers/paths';

export function loadExamples(): { name: string; model: Model }[] {
  return exampleFiles().map((file) => {
    const parsed = parseModel(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(`${file} is invalid`);
    return { name: file.split('/').pop()!, model: parsed.model };
  });
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const rectOf = (result: Pick<LayoutResult, 'positions' | 'sizes'>, id: string): Rect => {
  const p = result.positions[id]!;
  const s = result.sizes[id]!;
  return { x0: p.x, y0: p.y, x1: p.x + s.width, y1: p.y + s.height };
};

export const overlap = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

const onBorder = (p: Point, r: Rect) =>
  p.x >= r.x0 && p.x <= r.x1 && p.y >= r.y0 && p.y <= r.y1 && (p.x === r.x0 || p.x === r.x1 || p.y === r.y0 || p.y === r.y1);

/** Every route starts on its source's border, ends on its target's, and bends at right angles. */
export function expectRoutesWellFormed(model: Pick<Model, 'edges'>, result: LayoutResult): void {
  for (const edge of model.edges) {
    const points = result.routes[edge.id]?.points;
    expect(points, edge.id).toBeDefined();
    expect(points!.length, edge.id).toBeGreaterThanOrEqual(2);
    for (const p of points!) expect(Number.isInteger(p.x) && Number.isInteger(p.y), `${edge.id} has whole-number points`).toBe(true);
    expect(onBorder(points![0]!, rectOf(result, edge.source)), `${edge.id} starts on ${edge.source}`).toBe(true);
    expect(onBorder(points!.at(-1)!, rectOf(result, edge.target)), `${edge.id} ends on ${edge.target}`).toBe(true);
    for (let i = 0; i + 1 < points!.length; i++) {
      const a = points![i]!;
      const b = points![i + 1]!;
      expect(a.x === b.x || a.y === b.y, `${edge.id} segment ${i} is orthogonal`).toBe(true);
    }
  }
}
