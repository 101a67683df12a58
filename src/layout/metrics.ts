// Quality of a drawing, measured the same way for our layout and for any other engine's output
// (bench/layout.ts compares with dagre): edge crossings, node overlaps, edges through nodes, the share
// of causal links pointing forward, and total edge length.
import type { Model } from '../model';
import { analyse, isSpine } from './structure';
import type { Direction, EdgeRoute, Point, Size } from './types';

export interface LayoutMetrics {
  /** Proper crossings between segments of different edges. */
  crossings: number;
  /** Pairs of node boxes that overlap with positive area. */
  overlaps: number;
  /** (edge, node) pairs where the edge passes through a node box other than its own ends. */
  edgeThroughNode: number;
  /** leads-to edges between spine nodes, outside leads-to cycles and not against the stage order. */
  forwardEligible: number;
  /** Of those, edges whose target box starts after the source box ends along the reading direction. */
  forward: number;
  /** The eligible edges that do not point forward. */
  backwardEdges: string[];
  /** Sum of the lengths of all routes. */
  edgeLength: number;
}

interface Segment {
  edge: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export function measureLayout(
  model: Pick<Model, 'nodes' | 'edges'>,
  drawing: { positions: Record<string, Point>; sizes: Record<string, Size>; routes: Record<string, EdgeRoute> },
  direction: Direction = 'LR',
): LayoutMetrics {
  const { positions, sizes, routes } = drawing;
  const structure = analyse(model);
  const boxOf = (id: string) => {
    const p = positions[id]!;
    const s = sizes[id]!;
    return { x0: p.x, y0: p.y, x1: p.x + s.width, y1: p.y + s.height };
  };

  let forward = 0;
  let eligible = 0;
  const backwardEdges: string[] = [];
  for (const edge of model.edges) {
    if (edge.kind !== 'leads-to' || edge.source === edge.target || structure.cyclic.has(edge.id)) continue;
    const source = structure.graph.node(edge.source)!;
    const target = structure.graph.node(edge.target)!;
    if (!isSpine(source) || !isSpine(target)) continue;
    if (structure.stageOf.get(edge.source)! > structure.stageOf.get(edge.target)!) continue;
    eligible++;
    const a = boxOf(edge.source);
    const b = boxOf(edge.target);
    const ok = direction === 'LR' ? b.x0 >= a.x1 - 0.5 : b.y0 >= a.y1 - 0.5;
    if (ok) forward++;
    else backwardEdges.push(edge.id);
  }

  const segments: Segment[] = [];
  let edgeLength = 0;
  model.edges.forEach((edge, index) => {
    const points = routes[edge.id]?.points ?? [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      edgeLength += Math.hypot(b.x - a.x, b.y - a.y);
      segments.push({
        edge: index,
        ax: a.x,
        ay: a.y,
        bx: b.x,
        by: b.y,
        minX: Math.min(a.x, b.x),
        maxX: Math.max(a.x, b.x),
        minY: Math.min(a.y, b.y),
        maxY: Math.max(a.y, b.y),
      });
    }
  });

  segments.sort((s, t) => s.minX - t.minX);
  let crossings = 0;
  let active: Segment[] = [];
  for (const s of segments) {
    active = active.filter((t) => t.maxX >= s.minX);
    for (const t of active) {
      if (t.edge === s.edge || t.maxY < s.minY || s.maxY < t.minY) continue;
      if (properlyCross(s, t)) crossings++;
    }
    active.push(s);
  }

  const boxes = model.nodes.map((n) => ({ id: n.id, ...boxOf(n.id) })).sort((a, b) => a.x0 - b.x0);
  let overlaps = 0;
  let open: typeof boxes = [];
  for (const b of boxes) {
    open = open.filter((o) => o.x1 > b.x0);
    for (const o of open) if (o.y0 < b.y1 && b.y0 < o.y1 && o.x0 < b.x1) overlaps++;
    open.push(b);
  }

  // Edges through nodes: each segment against the boxes in the grid cells it touches.
  const CELL = 200;
  const grid = new Map<string, typeof boxes>();
  for (const b of boxes) {
    for (let i = Math.floor(b.x0 / CELL); i <= Math.floor(b.x1 / CELL); i++) {
      for (let j = Math.floor(b.y0 / CELL); j <= Math.floor(b.y1 / CELL); j++) {
        const key = `${i},${j}`;
        let list = grid.get(key);
        if (!list) grid.set(key, (list = []));
        list.push(b);
      }
    }
  }
  const hits = new Set<string>();
  for (const s of segments) {
    const edge = model.edges[s.edge]!;
    if (s.maxX - s.minX > 50 * CELL || s.maxY - s.minY > 50 * CELL) continue; // absurd spans: skip rather than stall
    for (let i = Math.floor(s.minX / CELL); i <= Math.floor(s.maxX / CELL); i++) {
      for (let j = Math.floor(s.minY / CELL); j <= Math.floor(s.maxY / CELL); j++) {
        for (const b of grid.get(`${i},${j}`) ?? []) {
          if (b.id === edge.source || b.id === edge.target) continue;
          if (segmentEntersBox(s, b, 1)) hits.add(`${edge.id} ${b.id}`);
        }
      }
    }
  }

  return {
    crossings,
    overlaps,
    edgeThroughNode: hits.size,
    forwardEligible: eligible,
    forward,
    backwardEdges,
    edgeLength: Math.round(edgeLength),
  };
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

function properlyCross(s: Segment, t: Segment): boolean {
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Whether a segment passes through the inside of a box shrunk by `inset` (Liang–Barsky clipping). */
function segmentEntersBox(s: Segment, b: { x0: number; y0: number; x1: number; y1: number }, inset: number): boolean {
  const x0 = b.x0 + inset;
  const y0 = b.y0 + inset;
  const x1 = b.x1 - inset;
  const y1 = b.y1 - inset;
  if (x0 >= x1 || y0 >= y1) return false;
  const dx = s.bx - s.ax;
  const dy = s.by - s.ay;
  let t0 = 0;
  let t1 = 1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q > 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, s.ax - x0) && clip(dx, x1 - s.ax) && clip(-dy, s.ay - y0) && clip(dy, y1 - s.ay) && t1 - t0 > 1e-9;
}
