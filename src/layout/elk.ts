// The blocks as an ELK layered graph, and ELK's answer read back as block positions and routes.
// ELK always lays out left to right here; top-to-bottom is the same drawing transposed (geometry.ts).
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { BlockGeometry, Path, Spacing } from './geometry';
import { midV } from './geometry';
import type { EngineGraph, EngineRunner } from './types';

/** An edge ELK routes: between items of blocks in different layers, oriented along the flow. */
export interface EngineEdge {
  id: string;
  /** Item (node id) the ELK edge leaves and the item it enters. */
  from: string;
  to: string;
  fromBlock: number;
  toBlock: number;
  /** The model edge points the other way (against the flow). */
  reversed: boolean;
}

export interface Placement {
  /** Top-left corner of each block (by block index), in (u, v). */
  blockPos: { u: number; v: number }[];
  /** Route of each engine edge from its `from` item's port to its `to` item's port, in (u, v). */
  routes: Map<string, Path>;
}

export interface ElkSettings {
  thoroughness: number;
  /** ELK's (one-sided) greedy-switch pass after crossing minimisation. */
  greedySwitch: boolean;
  columns: 'interactive' | 'partitioning';
  spacing: Spacing;
}

const blockId = (index: number) => `b${index}`;
const portId = (item: string, side: 'w' | 'e') => `${item}#${side}`;

/**
 * The options, chosen by measurement (docs/layout.md, bench/layout.ts). Layered with BRANDES_KOEPF
 * placement and orthogonal routing; one graph, not one per connected component, or the components
 * would not share the stage columns.
 */
export function elkOptions(settings: ElkSettings): Record<string, string> {
  const { spacing } = settings;
  const options: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.randomSeed': '1',
    'elk.separateConnectedComponents': 'false',
    'elk.layered.thoroughness': String(settings.thoroughness),
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.spacing.nodeNode': String(spacing.nodeNode),
    'elk.spacing.edgeNode': String(spacing.edgeNode),
    'elk.spacing.edgeEdge': String(spacing.edgeEdge),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(spacing.betweenLayers),
    'elk.layered.spacing.edgeNodeBetweenLayers': String(spacing.edgeNode),
    'elk.layered.spacing.edgeEdgeBetweenLayers': String(spacing.edgeEdge),
  };
  // One-sided rather than ELK's default two-sided: equal or better on every measured graph but one.
  options['elk.layered.crossingMinimization.greedySwitch.type'] = settings.greedySwitch ? 'ONE_SIDED' : 'OFF';
  if (settings.columns === 'partitioning') {
    options['elk.partitioning.activate'] = 'true';
  } else {
    // Every block carries its layer as an x pseudo-position; ELK keeps those layers and the
    // orientation of every edge, and still orders the nodes within each layer freely.
    options['elk.layered.layering.strategy'] = 'INTERACTIVE';
    options['elk.layered.cycleBreaking.strategy'] = 'INTERACTIVE';
  }
  return options;
}

export function buildElkGraph(geometries: readonly BlockGeometry[], edges: readonly EngineEdge[], settings: ElkSettings): ElkNode {
  const used = new Set<string>();
  for (const edge of edges) {
    used.add(portId(edge.from, 'e'));
    used.add(portId(edge.to, 'w'));
  }
  const pitch = Math.max(0, ...geometries.map((g) => g.us)) + 1000;
  const children: ElkNode[] = geometries.map((g) => {
    const ports: ElkPort[] = [];
    for (const [item, box] of g.boxes) {
      const v = midV(box);
      for (const side of ['w', 'e'] as const) {
        const id = portId(item, side);
        if (!used.has(id)) continue;
        ports.push({
          id,
          x: side === 'w' ? 0 : g.us,
          y: v,
          width: 0,
          height: 0,
          layoutOptions: { 'elk.port.side': side === 'w' ? 'WEST' : 'EAST' },
        });
      }
    }
    const node: ElkNode = {
      id: blockId(g.block.index),
      width: g.us,
      height: g.vs,
      ports,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    };
    if (settings.columns === 'partitioning') node.layoutOptions!['elk.partitioning.partition'] = String(g.block.layer);
    else Object.assign(node, { x: g.block.layer * pitch, y: 0 });
    return node;
  });
  const elkEdges: ElkExtendedEdge[] = edges.map((edge) => ({
    id: edge.id,
    sources: [portId(edge.from, 'e')],
    targets: [portId(edge.to, 'w')],
  }));
  return { id: 'root', layoutOptions: elkOptions(settings), children, edges: elkEdges };
}

export function readElkResult(result: ElkNode, blockCount: number): Placement {
  const blockPos = new Array<{ u: number; v: number }>(blockCount);
  for (const child of result.children ?? []) {
    blockPos[Number(child.id.slice(1))] = { u: child.x ?? 0, v: child.y ?? 0 };
  }
  const routes = new Map<string, Path>();
  for (const edge of (result.edges ?? []) as ElkExtendedEdge[]) {
    const path: Path = [];
    for (const section of edge.sections ?? []) {
      const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      for (const p of points) {
        const last = path[path.length - 1];
        if (!last || last[0] !== p.x || last[1] !== p.y) path.push([p.x, p.y]);
      }
    }
    routes.set(edge.id, path);
  }
  return { blockPos, routes };
}

let sharedElk: InstanceType<typeof ELK> | undefined;

/** ELK on the calling thread (elk.bundled.js): the default, and the browser's fallback. */
export const runElkHere: EngineRunner = (graph: EngineGraph) => {
  sharedElk ??= new ELK();
  return sharedElk.layout(graph);
};
