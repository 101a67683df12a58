// Where things go in an exported drawing: node boxes from stored (or laid-out) positions, a
// stage-column spot for nodes that have none, default edge paths when the layout gave no route, and
// the stage columns' extents for their headers. Pure: no DOM, no node:fs.
import { GraphIndex, type Model, type NodeKind, type TocEdge, type TocNode } from '../model';
import { COLUMN, columnX, STAGES, type StageId } from './theme';
import { nodeLayout, type NodeLayout } from './text';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode extends Box {
  node: TocNode;
  layout: NodeLayout;
}

/** An edge route from the layout: the points of a polyline, from the source's border to the target's. */
export interface EdgeRoute {
  points: readonly Point[];
}

export type PositionsInput = ReadonlyMap<string, Point> | Readonly<Record<string, Point>>;
export type RoutesInput = ReadonlyMap<string, EdgeRoute> | Readonly<Record<string, EdgeRoute>>;

function lookup<T>(input: ReadonlyMap<string, T> | Readonly<Record<string, T>> | undefined, id: string): T | undefined {
  if (!input) return undefined;
  if (input instanceof Map) return input.get(id);
  return Object.prototype.hasOwnProperty.call(input, id) ? (input as Record<string, T>)[id] : undefined;
}

const SPINE_STAGE: Partial<Record<NodeKind, StageId>> = {
  input: 'inputs',
  activity: 'activities',
  mechanism: 'mechanisms',
  output: 'outputs',
  impact: 'impact',
};

/** The stage column a spine node belongs to (outcomes by horizon, medium when unset); undefined for satellites. */
export function stageOf(node: TocNode): StageId | undefined {
  if (node.kind === 'outcome') return node.horizon ?? 'medium';
  return SPINE_STAGE[node.kind];
}

export function stageIndex(stage: StageId): number {
  return STAGES.findIndex((s) => s.id === stage);
}

/** Where a satellite goes when none of its neighbours is on the spine. */
const SATELLITE_STAGE: Partial<Record<NodeKind, StageId>> = {
  context: 'inputs',
  stakeholder: 'activities',
  risk: 'activities',
  assumption: 'mechanisms',
  measure: 'short',
};

const GAP = 24;

/**
 * Every node's box. A position comes from `positions` (the layout), else from the model, else from a
 * stage-column placement below whatever already stands in that column: an unplaced model still draws.
 */
export function placeNodes(model: Pick<Model, 'nodes' | 'edges'>, positions?: PositionsInput): Map<string, PlacedNode> {
  const placed = new Map<string, PlacedNode>();
  const pending: TocNode[] = [];
  for (const node of model.nodes) {
    const position = lookup(positions, node.id) ?? node.position;
    if (!position || !Number.isFinite(position.x) || !Number.isFinite(position.y)) {
      pending.push(node);
      continue;
    }
    const layout = nodeLayout(node);
    placed.set(node.id, { node, layout, x: position.x, y: position.y, width: layout.width, height: layout.height });
  }
  if (pending.length === 0) return placed;

  const step = COLUMN.width + COLUMN.gap;
  const columnOf = (box: Box) => Math.max(0, Math.min(STAGES.length - 1, Math.floor((box.x + box.width / 2 + COLUMN.gap / 2) / step)));
  const bottom = new Array<number>(STAGES.length).fill(-GAP);
  for (const box of placed.values()) bottom[columnOf(box)] = Math.max(bottom[columnOf(box)]!, box.y + box.height);
  const graph = new GraphIndex(model);
  // Spine nodes first, so that satellites can join the column of the node they belong to.
  pending.sort((a, b) => Number(stageOf(a) === undefined) - Number(stageOf(b) === undefined));
  for (const node of pending) {
    let column: number | undefined;
    const stage = stageOf(node);
    if (stage) column = stageIndex(stage);
    else {
      for (const other of [...graph.successors(node.id), ...graph.predecessors(node.id)]) {
        const box = placed.get(other.id);
        if (box && stageOf(other)) {
          column = columnOf(box);
          break;
        }
      }
      column ??= stageIndex(SATELLITE_STAGE[node.kind] ?? 'inputs');
    }
    const layout = nodeLayout(node);
    const y = bottom[column]! + GAP;
    const x = Math.round(columnX(column) + (COLUMN.width - layout.width) / 2);
    placed.set(node.id, { node, layout, x, y, width: layout.width, height: layout.height });
    bottom[column] = y + layout.height;
  }
  return placed;
}

/** A stage column's horizontal extent, from the spine nodes standing in it. */
export interface StageColumn {
  /** A stage of theme.ts STAGES, or another band the layout adds (its own stakeholder column). */
  id: string;
  header: string;
  x: number;
  width: number;
}

/**
 * The stage columns that hold at least one spine node, each spanning its nodes (at least a column's
 * width). Derived from the boxes rather than a fixed grid, so stored and laid-out positions both work.
 */
export function stageColumns(boxes: Iterable<PlacedNode>): StageColumn[] {
  const extents = new Map<StageId, { min: number; max: number }>();
  for (const box of boxes) {
    const stage = stageOf(box.node);
    if (!stage) continue;
    const e = extents.get(stage);
    if (!e) extents.set(stage, { min: box.x, max: box.x + box.width });
    else {
      e.min = Math.min(e.min, box.x);
      e.max = Math.max(e.max, box.x + box.width);
    }
  }
  const columns: StageColumn[] = [];
  for (const stage of STAGES) {
    const e = extents.get(stage.id);
    if (!e) continue;
    const pad = Math.max(10, (COLUMN.width - (e.max - e.min)) / 2);
    columns.push({ id: stage.id, header: stage.header, x: e.min - pad, width: e.max - e.min + 2 * pad });
  }
  // Neighbouring bands never overlap: where they would, they meet halfway.
  for (let i = 1; i < columns.length; i++) {
    const left = columns[i - 1]!;
    const right = columns[i]!;
    const overlap = left.x + left.width - right.x;
    if (overlap > 0 && right.x > left.x) {
      const middle = right.x + overlap / 2;
      const gap = 4;
      left.width = middle - gap / 2 - left.x;
      const end = right.x + right.width;
      right.x = middle + gap / 2;
      right.width = end - right.x;
    }
  }
  return columns;
}

const center = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Where the segment from the centre of `box` towards `toward` leaves the box. */
function exitPoint(box: Box, toward: Point): Point {
  const c = center(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/**
 * The path of an edge: the layout's route when there is one; otherwise an orthogonal elbow for a
 * step to the right (the spine reads left to right) and a straight line between the boxes' borders
 * for everything else.
 */
export function edgePath(edge: TocEdge, source: Box, target: Box, routes?: RoutesInput): Point[] {
  const route = lookup(routes, edge.id);
  if (route && route.points.length >= 2 && route.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) {
    return route.points.map((p) => ({ x: p.x, y: p.y }));
  }
  if (source === target) {
    // A self-loop (reported by the rule checker, still drawn): a small loop over the top-right corner.
    const x = source.x + source.width;
    const y = source.y;
    return [
      { x: x - 20, y },
      { x: x - 20, y: y - 18 },
      { x: x + 18, y: y - 18 },
      { x: x + 18, y: y + 20 },
      { x, y: y + 20 },
    ];
  }
  const sRight = source.x + source.width;
  if (target.x >= sRight + 12) {
    const sy = source.y + source.height / 2;
    const ty = target.y + target.height / 2;
    if (Math.abs(sy - ty) < 1) return [{ x: sRight, y: sy }, { x: target.x, y: ty }];
    const mx = Math.round((sRight + target.x) / 2);
    return [
      { x: sRight, y: sy },
      { x: mx, y: sy },
      { x: mx, y: ty },
      { x: target.x, y: ty },
    ];
  }
  return [exitPoint(source, center(target)), exitPoint(target, center(source))];
}

/** The point halfway along a polyline, and the direction of the segment it lies on. */
export function midpoint(points: readonly Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (walked + length >= total / 2 && length > 0) {
      const t = (total / 2 - walked) / length;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    walked += length;
  }
  return points[0] ?? { x: 0, y: 0 };
}
