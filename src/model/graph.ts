// One index over a model's graph, built in O(V + E) and shared by lint, layout and export.
import type { Model, TocNode, TocEdge } from './schema';
import { EDGE_KINDS, type EdgeKind, type NodeKind } from './vocabulary';

const NO_EDGES: readonly TocEdge[] = [];
const KIND_SLOT = Object.fromEntries(EDGE_KINDS.map((kind, i) => [kind, i])) as Record<EdgeKind, number>;

/** Node id → its edges of one kind, in file order. */
type ByNode = Map<string, TocEdge[]>;

export class GraphIndex {
  readonly nodes: readonly TocNode[];
  readonly edges: readonly TocEdge[];
  /** Node id → position in `nodes`, which is also how nodes are looked up by id. */
  private readonly nodePositions = new Map<string, number>();
  /** Built on first use: many callers never look an edge up by id. */
  private edgePositions: Map<string, number> | undefined;
  // One map per edge kind and direction rather than one per node: on a 100k-node model that is a
  // few dozen maps instead of 200k, which the garbage collector notices.
  private readonly outgoing: ByNode[] = EDGE_KINDS.map(() => new Map());
  private readonly incoming: ByNode[] = EDGE_KINDS.map(() => new Map());
  private readonly byKind = new Map<NodeKind, TocNode[]>();

  constructor(model: Pick<Model, 'nodes' | 'edges'>) {
    this.nodes = model.nodes;
    this.edges = model.edges;
    for (let i = 0; i < model.nodes.length; i++) {
      const node = model.nodes[i]!;
      this.nodePositions.set(node.id, i);
      let list = this.byKind.get(node.kind);
      if (!list) this.byKind.set(node.kind, (list = []));
      list.push(node);
    }
    for (const edge of model.edges) {
      const slot = KIND_SLOT[edge.kind] as number | undefined;
      if (slot === undefined) continue; // not a kind of the format, so never in a valid model
      push(this.outgoing[slot]!, edge.source, edge);
      push(this.incoming[slot]!, edge.target, edge);
    }
  }

  node(id: string): TocNode | undefined {
    const position = this.nodePositions.get(id);
    return position === undefined ? undefined : this.nodes[position];
  }

  /** A node's position in the model's list of nodes (the file order). */
  position(id: string): number | undefined {
    return this.nodePositions.get(id);
  }

  edge(id: string): TocEdge | undefined {
    const position = this.edgePosition().get(id);
    return position === undefined ? undefined : this.edges[position];
  }

  private edgePosition(): Map<string, number> {
    if (!this.edgePositions) {
      this.edgePositions = new Map();
      for (let i = 0; i < this.edges.length; i++) this.edgePositions.set(this.edges[i]!.id, i);
    }
    return this.edgePositions;
  }

  nodesOfKind<K extends NodeKind>(kind: K): readonly Extract<TocNode, { kind: K }>[] {
    return (this.byKind.get(kind) ?? []) as Extract<TocNode, { kind: K }>[];
  }

  /** Edges leaving a node, of one kind or of any kind. */
  out(id: string, kind?: EdgeKind): readonly TocEdge[] {
    return this.select(this.outgoing, id, kind);
  }

  /** Edges arriving at a node, of one kind or of any kind. */
  in(id: string, kind?: EdgeKind): readonly TocEdge[] {
    return this.select(this.incoming, id, kind);
  }

  /** Nodes at the far end of a node's outgoing edges of a kind. */
  successors(id: string, kind?: EdgeKind): TocNode[] {
    return this.out(id, kind).flatMap((edge) => this.node(edge.target) ?? []);
  }

  predecessors(id: string, kind?: EdgeKind): TocNode[] {
    return this.in(id, kind).flatMap((edge) => this.node(edge.source) ?? []);
  }

  degree(id: string): number {
    let degree = 0;
    for (let slot = 0; slot < EDGE_KINDS.length; slot++) {
      degree += (this.outgoing[slot]!.get(id)?.length ?? 0) + (this.incoming[slot]!.get(id)?.length ?? 0);
    }
    return degree;
  }

  /** Every node reachable from the start nodes along edges of the given kinds (start nodes included). */
  reachable(start: Iterable<string>, kinds: readonly EdgeKind[], direction: 'forward' | 'backward' = 'forward'): Set<string> {
    const seen = new Set<string>();
    const queue: string[] = [];
    for (const id of start) if (!seen.has(id)) (seen.add(id), queue.push(id));
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      for (const kind of kinds) {
        for (const edge of direction === 'forward' ? this.out(id, kind) : this.in(id, kind)) {
          const next = direction === 'forward' ? edge.target : edge.source;
          if (!seen.has(next)) (seen.add(next), queue.push(next));
        }
      }
    }
    return seen;
  }

  /** A node's edges of one kind, or of every kind grouped by kind in the order the kinds first
   * appear among its edges in the file (the order callers have always seen). */
  private select(index: readonly ByNode[], id: string, kind: EdgeKind | undefined): readonly TocEdge[] {
    if (kind !== undefined) return index[KIND_SLOT[kind]]!.get(id) ?? NO_EDGES;
    const groups: TocEdge[][] = [];
    for (const byNode of index) {
      const list = byNode.get(id);
      if (list) groups.push(list);
    }
    if (groups.length === 0) return NO_EDGES;
    if (groups.length === 1) return groups[0]!;
    const positions = this.edgePosition();
    const firstAt = (group: TocEdge[]) => positions.get(group[0]!.id)!;
    return groups.sort((a, b) => firstAt(a) - firstAt(b)).flat();
  }
}

function push(byNode: ByNode, id: string, edge: TocEdge) {
  const list = byNode.get(id);
  if (list) list.push(edge);
  else byNode.set(id, [edge]);
}
