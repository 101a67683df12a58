// The fast engine: the same blocks and layers as the ELK path, ordered by a few barycentre sweeps,
// placed by isotonic regression towards the neighbours, and routed through lanes between the
// columns. Linear in the graph size per sweep, so it answers in well under a second on graphs where
// ELK takes minutes; the crossings are higher. Used when asked for, and as the CLI's fallback.
import type { EngineEdge, Placement } from './elk';
import { midV, type BlockGeometry, type Path, type Spacing } from './geometry';
import type { Structure } from './structure';

interface Entity {
  /** Block index, or -1 for a waypoint of a long edge. */
  block: number;
  layer: number;
  vs: number;
  /** Position in its layer's order, and its top across the flow. */
  rank: number;
  v: number;
  /** Neighbours in the previous and the next layer, with the offset of the attachment point. */
  up: { entity: Entity; own: number; other: number }[];
  down: { entity: Entity; own: number; other: number }[];
}

const SWEEPS = 8;

export function fastPlacement(structure: Structure, geometries: readonly BlockGeometry[], edges: readonly EngineEdge[], spacing: Spacing): Placement {
  const layers: Entity[][] = Array.from({ length: structure.layerCount }, () => []);
  const blockEntity = geometries.map((g) => {
    const entity: Entity = { block: g.block.index, layer: g.block.layer, vs: g.vs, rank: 0, v: 0, up: [], down: [] };
    layers[g.block.layer]!.push(entity);
    return entity;
  });
  const portV = (blockIndex: number, item: string) => midV(geometries[blockIndex]!.boxes.get(item)!);
  const waypointSize = 2 * Math.round(spacing.edgeEdge / 2);
  /** Each engine edge as a chain of steps between adjacent layers, with its attachment offsets. */
  const chains = new Map<string, { a: Entity; b: Entity; offA: number; offB: number }[]>();
  for (const edge of edges) {
    const from = blockEntity[edge.fromBlock]!;
    const to = blockEntity[edge.toBlock]!;
    const chain: Entity[] = [from];
    for (let layer = from.layer + 1; layer < to.layer; layer++) {
      const waypoint: Entity = { block: -1, layer, vs: waypointSize, rank: 0, v: 0, up: [], down: [] };
      layers[layer]!.push(waypoint);
      chain.push(waypoint);
    }
    chain.push(to);
    const steps: { a: Entity; b: Entity; offA: number; offB: number }[] = [];
    for (let i = 0; i + 1 < chain.length; i++) {
      const a = chain[i]!;
      const b = chain[i + 1]!;
      const own = i === 0 ? portV(edge.fromBlock, edge.from) : waypointSize / 2;
      const other = i + 1 === chain.length - 1 ? portV(edge.toBlock, edge.to) : waypointSize / 2;
      a.down.push({ entity: b, own, other });
      b.up.push({ entity: a, own: other, other: own });
      steps.push({ a, b, offA: own, offB: other });
    }
    chains.set(edge.id, steps);
  }
  for (const layer of layers) layer.forEach((e, i) => (e.rank = i));

  // Ordering: barycentre of the neighbours' ranks, alternating downward and upward sweeps.
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const downward = sweep % 2 === 0;
    const order = downward ? layers.keys() : [...layers.keys()].reverse();
    for (const l of order) {
      const layer = layers[l]!;
      const key = new Map<Entity, number>();
      for (const e of layer) {
        const near = downward ? e.up : e.down;
        // Ranks as a share of their layer's length: layers differ in size.
        const position = (x: Entity) => (x.rank + 0.5) / layers[x.layer]!.length;
        key.set(e, near.length === 0 ? position(e) : near.reduce((s, n) => s + position(n.entity), 0) / near.length);
      }
      layer.sort((a, b) => key.get(a)! - key.get(b)! || a.rank - b.rank);
      layer.forEach((e, i) => (e.rank = i));
    }
  }

  // Placement across the flow: stacked, then pulled towards the neighbours' attachment points,
  // keeping the order and the spacing (pool-adjacent-violators).
  const gapAfter = (e: Entity) => (e.block < 0 ? spacing.edgeEdge : spacing.nodeNode);
  for (const layer of layers) {
    let v = 0;
    for (const e of layer) {
      e.v = v;
      v += e.vs + gapAfter(e);
    }
  }
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const downward = sweep % 2 === 0;
    const order = downward ? [...layers.keys()].slice(1) : [...layers.keys()].reverse().slice(1);
    for (const l of order) {
      const layer = layers[l]!;
      const desired = layer.map((e) => {
        const near = downward ? e.up : e.down;
        if (near.length === 0) return e.v;
        return near.reduce((s, n) => s + n.entity.v + n.other - n.own, 0) / near.length;
      });
      const placed = isotonic(desired, layer.map((e) => e.vs), layer.map(gapAfter));
      // Whole numbers, so a straight run stays straight after the final rounding.
      layer.forEach((e, i) => (e.v = Math.round(placed[i]!)));
    }
  }

  // Along the flow: each layer as wide as its widest block, then a gap wide enough for its lanes.
  const width = layers.map((layer) => Math.max(0, ...layer.filter((e) => e.block >= 0).map((e) => geometries[e.block]!.us)));
  const lanes = layers.map(() => [] as { lo: number; hi: number; id: string; step: number }[]);
  for (const [id, steps] of chains) {
    steps.forEach(({ a, b, offA, offB }, i) => {
      const va = a.v + offA;
      const vb = b.v + offB;
      if (va !== vb) lanes[a.layer]!.push({ lo: Math.min(va, vb), hi: Math.max(va, vb), id, step: i });
    });
  }
  const laneOf = new Map<string, number>();
  const laneCount = lanes.map((list) => {
    list.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
    const ends: number[] = [];
    for (const span of list) {
      let lane = ends.findIndex((end) => end < span.lo - spacing.edgeEdge);
      if (lane < 0) lane = ends.push(0) - 1;
      ends[lane] = span.hi;
      laneOf.set(`${span.id}@${span.step}`, lane);
    }
    return ends.length;
  });
  const start: number[] = [];
  let u = 0;
  for (let l = 0; l < layers.length; l++) {
    start.push(u);
    u += width[l]! + Math.max(spacing.betweenLayers, 2 * spacing.edgeNode + laneCount[l]! * spacing.lane);
  }
  const laneU = (layer: number, lane: number) => start[layer]! + width[layer]! + spacing.edgeNode + lane * spacing.lane;

  const blockPos = geometries.map((g) => {
    const e = blockEntity[g.block.index]!;
    return { u: start[e.layer]! + Math.round((width[e.layer]! - g.us) / 2), v: e.v };
  });
  const routes = new Map<string, Path>();
  for (const edge of edges) {
    const steps = chains.get(edge.id)!;
    const path: Path = [];
    for (let i = 0; i < steps.length; i++) {
      const { a, b, offA, offB } = steps[i]!;
      const va = a.v + offA;
      const vb = b.v + offB;
      const ua = a.block >= 0 ? blockPos[a.block]!.u + geometries[a.block]!.us : start[a.layer]!;
      const ub = b.block >= 0 ? blockPos[b.block]!.u : start[b.layer]! + width[b.layer]!;
      if (i === 0) path.push([ua, va]);
      else path.push([start[a.layer]!, va], [start[a.layer]! + width[a.layer]!, va]);
      const lane = laneOf.get(`${edge.id}@${i}`);
      if (lane !== undefined) {
        const x = laneU(a.layer, lane);
        path.push([x, va], [x, vb]);
      }
      if (i === steps.length - 1) path.push([ub, vb]);
    }
    routes.set(edge.id, path);
  }
  return { blockPos, routes };
}

/**
 * Positions as close as possible (least squares) to `desired`, in the given order, each at least its
 * size plus gap after the one before: isotonic regression by pool-adjacent-violators.
 */
export function isotonic(desired: number[], sizes: number[], gaps: number[]): number[] {
  const n = desired.length;
  const offset: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    offset.push(total);
    total += sizes[i]! + gaps[i]!;
  }
  // Solve for y_i = x_i - offset_i with y non-decreasing.
  const pools: { sum: number; count: number; first: number }[] = [];
  for (let i = 0; i < n; i++) {
    pools.push({ sum: desired[i]! - offset[i]!, count: 1, first: i });
    while (pools.length > 1) {
      const last = pools[pools.length - 1]!;
      const prev = pools[pools.length - 2]!;
      if (prev.sum / prev.count <= last.sum / last.count) break;
      prev.sum += last.sum;
      prev.count += last.count;
      pools.pop();
    }
  }
  const out = new Array<number>(n);
  for (const pool of pools) {
    const y = pool.sum / pool.count;
    for (let i = pool.first; i < pool.first + pool.count; i++) out[i] = y + offset[i]!;
  }
  return out;
}
