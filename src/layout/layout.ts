// model → blocks → ELK (or the fast engine) → positions and routes. See docs/layout.md for the design.
import type { Model, TocEdge } from '../model';
import { buildElkGraph, readElkResult, runElkHere, type EngineEdge, type Placement } from './elk';
import { fastPlacement } from './fast';
import { blockGeometry, midV, SPACING, toXY, type BlockGeometry, type Box, type InnerEdge, type Path } from './geometry';
import { keepPinned } from './pinned';
import { boundsOf, ORIGIN, simplify, zRoute } from './routes';
import { analyse, LAYOUT_STAGES, type Structure } from './structure';
import type { EdgeRoute, LayoutOptions, LayoutProgress, LayoutResult, Point, Size, StageBand } from './types';

/**
 * ELK's crossing-minimisation effort by the number of blocks, from the measurements in
 * docs/layout.md: thoroughness 7 is the knee on large graphs, and small ones get 10 because it costs
 * nothing there; the greedy-switch pass helps small graphs and changed no crossing above 400 blocks.
 */
export function engineEffort(blocks: number): { thoroughness: number; greedySwitch: boolean } {
  if (blocks <= 150) return { thoroughness: 10, greedySwitch: true };
  if (blocks <= 400) return { thoroughness: 7, greedySwitch: true };
  return { thoroughness: 7, greedySwitch: false };
}

interface ColumnEdge {
  edge: TocEdge;
  layer: number;
}

interface Classified {
  engine: EngineEdge[];
  column: ColumnEdge[];
  inner: Map<number, InnerEdge[]>;
  loops: TocEdge[];
}

function classify(model: Pick<Model, 'edges'>, structure: Structure): Classified {
  const engine: EngineEdge[] = [];
  const column: ColumnEdge[] = [];
  const inner = new Map<number, InnerEdge[]>();
  const loops: TocEdge[] = [];
  for (const edge of model.edges) {
    if (edge.source === edge.target) {
      loops.push(edge);
      continue;
    }
    const a = structure.blockOf.get(edge.source)!;
    const b = structure.blockOf.get(edge.target)!;
    if (a === b && (a.anchor.id === edge.source || a.anchor.id === edge.target)) {
      let list = inner.get(a.index);
      if (!list) inner.set(a.index, (list = []));
      list.push({ id: edge.id, source: edge.source, target: edge.target });
    } else if (a.layer === b.layer) {
      column.push({ edge, layer: a.layer });
    } else {
      const reversed = a.layer > b.layer;
      engine.push({
        id: edge.id,
        from: reversed ? edge.target : edge.source,
        to: reversed ? edge.source : edge.target,
        fromBlock: reversed ? b.index : a.index,
        toBlock: reversed ? a.index : b.index,
        reversed,
      });
    }
  }
  return { engine, column, inner, loops };
}

const report = (options: LayoutOptions, progress: LayoutProgress) => options.onProgress?.(progress);

/** Lays out a model: a position for every node and a route for every edge. Deterministic. */
export async function layoutModel(model: Pick<Model, 'nodes' | 'edges'>, options: LayoutOptions = {}): Promise<LayoutResult> {
  const started = performance.now();
  const direction = options.direction ?? 'LR';
  const spacing = SPACING[options.spacing ?? 'normal'];
  report(options, { phase: 'prepare', fraction: 0, message: 'Grouping satellites and assigning stage columns' });
  const structure = analyse(model);
  const classified = classify(model, structure);
  const geometries = structure.blocks.map((block) => blockGeometry(block, classified.inner.get(block.index) ?? [], spacing, direction));
  const effort = engineEffort(structure.blocks.length);
  const thoroughness = options.thoroughness ?? effort.thoroughness;
  const engine = options.engine ?? 'elk';

  report(options, { phase: 'engine', fraction: 0.1, message: engine === 'elk' ? 'Ordering and placing nodes (ELK)' : 'Ordering and placing nodes' });
  const engineStart = performance.now();
  let placement: Placement | undefined;
  let fallback: string | undefined;
  if (engine === 'elk' && structure.blocks.length > 0) {
    const graph = buildElkGraph(geometries, classified.engine, {
      thoroughness,
      greedySwitch: options.greedySwitch ?? effort.greedySwitch,
      columns: options.columns ?? 'interactive',
      spacing,
    });
    try {
      placement = readElkResult(await (options.runEngine ?? runElkHere)(graph), structure.blocks.length);
    } catch (error) {
      // A time limit, or ELK failing on a graph: the fast engine still gives a usable drawing.
      fallback = error instanceof Error ? error.message : String(error);
      report(options, { phase: 'engine', fraction: 0.5, message: `${fallback}; using the fast layout` });
    }
  }
  placement ??= fastPlacement(structure, geometries, classified.engine, spacing);
  const used = engine === 'elk' && fallback === undefined ? 'elk' : 'fast';
  const engineMs = performance.now() - engineStart;

  report(options, { phase: 'route', fraction: 0.9, message: 'Routing edges' });
  const drawn = finish(model, structure, geometries, classified, placement, spacing, direction);
  const kept = keepPinned(model, drawn, direction);
  const result: LayoutResult = {
    direction,
    ...kept,
    stats: {
      engine: used,
      ...(fallback !== undefined ? { fallback } : {}),
      nodes: model.nodes.length,
      blocks: structure.blocks.length,
      engineEdges: classified.engine.length,
      columnEdges: classified.column.length,
      blockEdges: [...classified.inner.values()].reduce((n, list) => n + list.length, 0),
      thoroughness: used === 'elk' ? thoroughness : 0,
      engineMs: Math.round(engineMs),
      totalMs: Math.round(performance.now() - started),
    },
  };
  report(options, { phase: 'done', fraction: 1, message: 'Done' });
  return result;
}

export interface Drawn {
  positions: Record<string, Point>;
  sizes: Record<string, Size>;
  routes: Record<string, EdgeRoute>;
  stages: StageBand[];
  bounds: LayoutResult['bounds'];
}

/**
 * Everything after the engine: lanes for edges inside a column (space for them is opened by moving
 * later columns along), routes inside blocks, the flip to TB, whole numbers, and the origin.
 */
function finish(
  model: Pick<Model, 'nodes' | 'edges'>,
  structure: Structure,
  geometries: readonly BlockGeometry[],
  classified: Classified,
  placement: Placement,
  spacing: (typeof SPACING)[keyof typeof SPACING],
  direction: LayoutResult['direction'],
): Drawn {
  const { blocks } = structure;
  // Extent of each layer along the flow, before any lanes are added.
  const layerStart = new Array<number>(structure.layerCount).fill(Infinity);
  const layerEnd = new Array<number>(structure.layerCount).fill(-Infinity);
  for (const g of geometries) {
    const pos = placement.blockPos[g.block.index]!;
    layerStart[g.block.layer] = Math.min(layerStart[g.block.layer]!, pos.u);
    layerEnd[g.block.layer] = Math.max(layerEnd[g.block.layer]!, pos.u + g.us);
  }
  const itemBox = (id: string, shift = 0): Box => {
    const block = structure.blockOf.get(id)!;
    const pos = placement.blockPos[block.index]!;
    const box = geometries[block.index]!.boxes.get(id)!;
    return { u: pos.u + box.u + shift, v: pos.v + box.v, us: box.us, vs: box.vs };
  };
  const attachV = (box: Box) => midV(box) + Math.min(10, Math.round(box.vs / 4));

  // Edges within one column run in lanes beside it, on the side where fewer engine edges attach
  // (the first column's near side is always free), so they cross as few other edges as possible.
  const attached = Array.from({ length: structure.layerCount }, () => ({ near: 0, far: 0 }));
  for (const edge of classified.engine) {
    attached[blocks[edge.fromBlock]!.layer]!.far++;
    attached[blocks[edge.toBlock]!.layer]!.near++;
  }
  const nearSide = attached.map((a) => a.near < a.far);
  // Interval colouring per layer, in order of the spans.
  const lanesOf = new Map<string, number>();
  const laneCount = new Array<number>(structure.layerCount).fill(0);
  const byLayer = new Map<number, { id: string; lo: number; hi: number; order: number }[]>();
  for (const { edge, layer } of classified.column) {
    const va = attachV(itemBox(edge.source));
    const vb = attachV(itemBox(edge.target));
    let list = byLayer.get(layer);
    if (!list) byLayer.set(layer, (list = []));
    list.push({ id: edge.id, lo: Math.min(va, vb), hi: Math.max(va, vb), order: structure.edgeOrder.get(edge.id)! });
  }
  for (const [layer, list] of byLayer) {
    list.sort((a, b) => a.lo - b.lo || a.hi - b.hi || a.order - b.order);
    const laneEnds: number[] = [];
    for (const span of list) {
      let lane = laneEnds.findIndex((end) => end < span.lo - spacing.edgeEdge);
      if (lane < 0) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = span.hi;
      lanesOf.set(span.id, lane);
    }
    laneCount[layer] = laneEnds.length;
  }
  const laneOffset = (lane: number) => 8 + lane * spacing.lane;
  const extra = laneCount.map((n) => (n > 0 ? laneOffset(n - 1) + spacing.edgeNode : 0));
  // Room for a layer's lanes: everything past its far end (far side) or from its start on (near
  // side) moves along the flow by the lanes' width, and so does everything after it.
  const cut = layerEnd.map((end, layer) => (nearSide[layer] ? layerStart[layer]! - 0.5 : end + 0.5));
  const shiftAt = (u: number) => {
    let shift = 0;
    for (let layer = 0; layer < cut.length; layer++) if (u > cut[layer]!) shift += extra[layer]!;
    return shift;
  };
  const blockShift = blocks.map((b) => shiftAt(placement.blockPos[b.index]!.u));
  const box = (id: string) => itemBox(id, blockShift[structure.blockOf.get(id)!.index]!);

  const paths = new Map<string, Path>();
  for (const edge of classified.engine) {
    const raw = placement.routes.get(edge.id);
    const from = box(edge.from);
    const to = box(edge.to);
    let path: Path;
    if (raw && raw.length >= 2) {
      path = raw.map(([u, v]) => [u + shiftAt(u), v] as [number, number]);
      // ELK ends at the block's border; carry the ends on to the item's own border.
      path[0] = [from.u + from.us, path[0]![1]];
      path[path.length - 1] = [to.u, path[path.length - 1]![1]];
    } else {
      path = zRoute(from, to);
    }
    paths.set(edge.id, edge.reversed ? path.reverse() : path);
  }
  for (const g of geometries) {
    const pos = placement.blockPos[g.block.index]!;
    const du = pos.u + blockShift[g.block.index]!;
    for (const [id, path] of g.inner) paths.set(id, path.map(([u, v]) => [u + du, v + pos.v] as [number, number]));
  }
  for (const { edge, layer } of classified.column) {
    const a = box(edge.source);
    const b = box(edge.target);
    const va = attachV(a);
    const vb = attachV(b);
    const lane = laneOffset(lanesOf.get(edge.id)!);
    if (nearSide[layer]) {
      const u = layerStart[layer]! + shiftAt(layerStart[layer]!) - lane;
      paths.set(edge.id, [[a.u, va], [u, va], [u, vb], [b.u, vb]]);
    } else {
      const u = layerEnd[layer]! + shiftAt(layerEnd[layer]!) + lane;
      paths.set(edge.id, [[a.u + a.us, va], [u, va], [u, vb], [b.u + b.us, vb]]);
    }
  }
  for (const edge of classified.loops) {
    const b = box(edge.source);
    const v = midV(b);
    const u = b.u + b.us;
    paths.set(edge.id, [[u, v - 8], [u + 14, v - 8], [u + 14, v + 8], [u, v + 8]]);
  }

  // To x/y, whole numbers, origin at ORIGIN.
  const rawBoxes = new Map(model.nodes.map((n) => [n.id, box(n.id)]));
  let minX = Infinity;
  let minY = Infinity;
  for (const b of rawBoxes.values()) {
    const p = toXY(b.u, b.v, direction);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
  }
  if (!Number.isFinite(minX)) minX = minY = 0;
  const dx = ORIGIN.x - Math.round(minX);
  const dy = ORIGIN.y - Math.round(minY);
  const xy = (u: number, v: number): Point => {
    const p = toXY(u, v, direction);
    return { x: Math.round(p.x) + dx, y: Math.round(p.y) + dy };
  };
  const positions: Record<string, Point> = {};
  const sizes: Record<string, Size> = {};
  for (const node of model.nodes) {
    const b = rawBoxes.get(node.id)!;
    positions[node.id] = xy(b.u, b.v);
    sizes[node.id] = direction === 'LR' ? { width: b.us, height: b.vs } : { width: b.vs, height: b.us };
  }
  const routes: Record<string, EdgeRoute> = {};
  for (const edge of model.edges) {
    const path = paths.get(edge.id) ?? [];
    routes[edge.id] = { points: simplify(path.map(([u, v]) => xy(u, v))) };
  }

  const stages: StageBand[] = [];
  for (let stage = 0; stage < LAYOUT_STAGES.length; stage++) {
    let start = Infinity;
    let end = -Infinity;
    for (const g of geometries) {
      if (g.block.stage !== stage) continue;
      const u = placement.blockPos[g.block.index]!.u + blockShift[g.block.index]!;
      start = Math.min(start, u);
      end = Math.max(end, u + g.us);
    }
    if (start > end) continue;
    const offset = direction === 'LR' ? dx : dy;
    stages.push({ id: LAYOUT_STAGES[stage]!.id, header: LAYOUT_STAGES[stage]!.header, start: Math.round(start) + offset, end: Math.round(end) + offset });
  }
  return { positions, sizes, routes, stages, bounds: boundsOf(positions, sizes, routes) };
}
