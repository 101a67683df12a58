// Pinned nodes stay exactly where they are. The fresh layout is moved as a whole so the first pinned
// node (model order) lands on its own position; the other pinned nodes are put back on theirs, and
// any other node that would overlap one moves further across the flow (down in LR, right in TB),
// pushing on the nodes it then meets. Edges touching a node that moved get a plain orthogonal route.
import type { Model } from '../model';
import type { Box } from './geometry';
import type { Drawn } from './layout';
import { boundsOf, simplify, zRoute } from './routes';
import type { Direction, EdgeRoute, Point } from './types';

const MARGIN = 16;
const CELL = 256;

export function keepPinned(model: Pick<Model, 'nodes' | 'edges'>, drawn: Drawn, direction: Direction): Drawn {
  const pinned = model.nodes.filter((n) => n.pinned === true && n.position !== undefined);
  if (pinned.length === 0) return drawn;
  const first = pinned[0]!;
  const dx = Math.round(first.position!.x) - drawn.positions[first.id]!.x;
  const dy = Math.round(first.position!.y) - drawn.positions[first.id]!.y;
  const move = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });

  const positions: Record<string, Point> = {};
  for (const node of model.nodes) positions[node.id] = move(drawn.positions[node.id]!);
  const moved = new Set<string>();
  for (const node of pinned) {
    const fixed = { x: Math.round(node.position!.x), y: Math.round(node.position!.y) };
    if (fixed.x !== positions[node.id]!.x || fixed.y !== positions[node.id]!.y) moved.add(node.id);
    positions[node.id] = fixed;
  }

  // In (u, v): u along the flow, v across it.
  const uv = (id: string): Box => {
    const p = positions[id]!;
    const s = drawn.sizes[id]!;
    return direction === 'LR' ? { u: p.x, v: p.y, us: s.width, vs: s.height } : { u: p.y, v: p.x, us: s.height, vs: s.width };
  };
  const setV = (id: string, v: number) => {
    const p = positions[id]!;
    positions[id] = direction === 'LR' ? { x: p.x, y: v } : { x: v, y: p.y };
  };

  const grid = new Map<string, Box[]>();
  const cells = (b: Box) => {
    const keys: string[] = [];
    for (let i = Math.floor((b.u - MARGIN) / CELL); i <= Math.floor((b.u + b.us + MARGIN) / CELL); i++) {
      for (let j = Math.floor((b.v - MARGIN) / CELL); j <= Math.floor((b.v + b.vs + MARGIN) / CELL); j++) keys.push(`${i},${j}`);
    }
    return keys;
  };
  const add = (b: Box) => {
    for (const key of cells(b)) {
      let list = grid.get(key);
      if (!list) grid.set(key, (list = []));
      list.push(b);
    }
  };
  const blocker = (b: Box): Box | undefined => {
    let lowest: Box | undefined;
    for (const key of cells(b)) {
      for (const o of grid.get(key) ?? []) {
        const hit = b.u < o.u + o.us + MARGIN && o.u < b.u + b.us + MARGIN && b.v < o.v + o.vs + MARGIN && o.v < b.v + b.vs + MARGIN;
        if (hit && (!lowest || o.v + o.vs > lowest.v + lowest.vs)) lowest = o;
      }
    }
    return lowest;
  };
  for (const node of pinned) add(uv(node.id));
  const pinnedIds = new Set(pinned.map((n) => n.id));
  const others = model.nodes.filter((n) => !pinnedIds.has(n.id)).map((n) => n.id);
  others.sort((a, b) => uv(a).v - uv(b).v || uv(a).u - uv(b).u);
  for (const id of others) {
    let b = uv(id);
    for (let hit = blocker(b); hit; hit = blocker(b)) {
      b = { ...b, v: hit.v + hit.vs + MARGIN };
      moved.add(id);
    }
    setV(id, b.v);
    add(b);
  }

  const routes: Record<string, EdgeRoute> = {};
  for (const edge of model.edges) {
    if (!moved.has(edge.source) && !moved.has(edge.target)) {
      routes[edge.id] = { points: drawn.routes[edge.id]!.points.map(move) };
      continue;
    }
    const path = zRoute(uv(edge.source), uv(edge.target));
    const points = path.map(([u, v]) => (direction === 'LR' ? { x: u, y: v } : { x: v, y: u }));
    routes[edge.id] = { points: simplify(points) };
  }
  const offset = direction === 'LR' ? dx : dy;
  const stages = drawn.stages.map((s) => ({ ...s, start: s.start + offset, end: s.end + offset }));
  return { positions, sizes: drawn.sizes, routes, stages, bounds: boundsOf(positions, drawn.sizes, routes) };
}
