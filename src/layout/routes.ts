// Small route helpers shared by the layout and the pinned-node pass.
import { midV, type Box, type Path } from './geometry';
import type { EdgeRoute, LayoutResult, Point, Size } from './types';

/** Room left above (LR) the first row for the stage headers, as in editor/placement.ts. */
export const ORIGIN = { x: 0, y: 40 } as const;

/** Source's far side → a vertical halfway → target's near side; around the far side when they overlap. */
export function zRoute(from: Box, to: Box): Path {
  const va = midV(from);
  const vb = midV(to);
  if (to.u >= from.u + from.us + 4) {
    const mid = Math.round((from.u + from.us + to.u) / 2);
    return [[from.u + from.us, va], [mid, va], [mid, vb], [to.u, vb]];
  }
  if (from.u >= to.u + to.us + 4) {
    const mid = Math.round((to.u + to.us + from.u) / 2);
    return [[from.u, va], [mid, va], [mid, vb], [to.u + to.us, vb]];
  }
  const lane = Math.max(from.u + from.us, to.u + to.us) + 16;
  return [[from.u + from.us, va], [lane, va], [lane, vb], [to.u + to.us, vb]];
}

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (last && before && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) {
      const between = (a: number, b: number, c: number) => (a - b) * (c - b) <= 0;
      if (between(before.x, last.x, p.x) && between(before.y, last.y, p.y)) out.pop();
    }
    out.push(p);
  }
  return out;
}

export function boundsOf(positions: Record<string, Point>, sizes: Record<string, Size>, routes: Record<string, EdgeRoute>): LayoutResult['bounds'] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [id, p] of Object.entries(positions)) {
    const s = sizes[id]!;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + s.width);
    y1 = Math.max(y1, p.y + s.height);
  }
  for (const route of Object.values(routes)) {
    for (const p of route.points) {
      x0 = Math.min(x0, p.x);
      y0 = Math.min(y0, p.y);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    }
  }
  if (!Number.isFinite(x0)) return { x: ORIGIN.x, y: ORIGIN.y, width: 0, height: 0 };
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
