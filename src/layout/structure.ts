// What the layout decides before any coordinates: which stage column each spine node belongs to,
// which spine node each satellite sits beside (its block), and the layers inside each stage.
// Everything is a pure function of the model, iterated in model order, so the result is deterministic.
import { STAGES } from '../render/theme';
import { GraphIndex } from '../model/graph';
import type { EdgeKind, Model, NodeKind, TocEdge, TocNode } from '../model';

/**
 * The columns, in reading order: the eight stages of the causal spine (theme.ts STAGES) and, first,
 * a column for the stakeholders who are linked to more than one node (see `chooseAnchors`).
 */
export const LAYOUT_STAGES = [
  { id: 'stakeholders', header: 'Stakeholders' },
  ...STAGES,
] as const;
export type LayoutStageId = (typeof LAYOUT_STAGES)[number]['id'];
const stageIndex = (id: LayoutStageId) => LAYOUT_STAGES.findIndex((s) => s.id === id);
export const PEOPLE_STAGE = stageIndex('stakeholders');
const SPINE_STAGE: Partial<Record<NodeKind, number>> = {
  input: stageIndex('inputs'),
  activity: stageIndex('activities'),
  mechanism: stageIndex('mechanisms'),
  output: stageIndex('outputs'),
  impact: stageIndex('impact'),
};
const HORIZON_STAGE = { short: stageIndex('short'), medium: stageIndex('medium'), long: stageIndex('long') } as const;
export const FIRST_OUTCOME_STAGE = HORIZON_STAGE.short;
export const LAST_OUTCOME_STAGE = HORIZON_STAGE.long;
export const STAGE_COUNT = LAYOUT_STAGES.length;

export type SatelliteKind = 'stakeholder' | 'assumption' | 'measure' | 'context' | 'risk';

/**
 * Where a satellite goes in its block, across the reading direction: 'before' is above the spine
 * node in LR (left of it in TB), 'after' below (right). Lower rank sits nearer the spine node.
 * Measures sit right beside what they measure; assumptions right before what they rest on;
 * stakeholders outermost before; context, then risks, after the measures.
 */
export const SATELLITE_SLOT: Record<SatelliteKind, { side: 'before' | 'after'; rank: number }> = {
  assumption: { side: 'before', rank: 0 },
  stakeholder: { side: 'before', rank: 1 },
  measure: { side: 'after', rank: 0 },
  context: { side: 'after', rank: 1 },
  risk: { side: 'after', rank: 2 },
};

/** Stage of a block made of satellites only (nothing on the spine to sit beside): editor/placement.ts's choice. */
const LONE_SATELLITE_STAGE: Record<SatelliteKind, number> = {
  stakeholder: PEOPLE_STAGE,
  risk: SPINE_STAGE.activity!,
  assumption: SPINE_STAGE.mechanism!,
  context: SPINE_STAGE.input!,
  measure: HORIZON_STAGE.medium,
};

/**
 * Which of its neighbours a satellite prefers to sit beside, best first: [edge kind, direction].
 * An edge not listed still counts, after all listed ones.
 */
const ANCHOR_PREFERENCE: Record<SatelliteKind, [EdgeKind, 'out' | 'in'][]> = {
  measure: [['measures', 'out'], ['feeds-back', 'out'], ['owns', 'in']],
  assumption: [['underpins', 'out'], ['owns', 'in']],
  stakeholder: [['participates-in', 'out'], ['owns', 'out'], ['reports-to', 'out'], ['reports-to', 'in'], ['feeds-back', 'in']],
  context: [['influences', 'out']],
  risk: [['threatens', 'out'], ['mitigates', 'in'], ['owns', 'in']],
};

export function isSpine(node: Pick<TocNode, 'kind'>): boolean {
  return node.kind !== 'stakeholder' && node.kind !== 'assumption' && node.kind !== 'measure' && node.kind !== 'context' && node.kind !== 'risk';
}

/** A spine node (or a lone satellite) with the satellites drawn beside it. */
export interface Block {
  /** Index in `Structure.blocks`, in model order of the anchors. */
  index: number;
  anchor: TocNode;
  /** Satellites before and after the anchor across the reading direction, outermost first / nearest first. */
  before: TocNode[];
  after: TocNode[];
  stage: number;
  /** Layer within the stage (edges inside one stage stack its nodes into sub-columns). */
  sublayer: number;
  /** Global layer index, 0-based, counting only non-empty layers. */
  layer: number;
}

export interface Structure {
  graph: GraphIndex;
  /** Position of each node and edge in the model's arrays: the tie-breaker everywhere. */
  nodeOrder: Map<string, number>;
  edgeOrder: Map<string, number>;
  blocks: Block[];
  blockOf: Map<string, Block>;
  /** Stage of every node: its own for spine nodes, its block's for satellites. */
  stageOf: Map<string, number>;
  layerCount: number;
  /** Stage of each global layer. */
  layerStage: number[];
  /** Edges whose endpoints are both spine nodes and lie in one strongly connected leads-to component. */
  cyclic: Set<string>;
}

export function analyse(model: Pick<Model, 'nodes' | 'edges'>): Structure {
  const graph = new GraphIndex(model);
  const nodeOrder = new Map(model.nodes.map((node, i) => [node.id, i]));
  const edgeOrder = new Map(model.edges.map((edge, i) => [edge.id, i]));
  const { stage: spineStage, cyclic } = spineStages(model, graph, nodeOrder);

  const anchorOf = chooseAnchors(model, graph, edgeOrder);
  const blocks: Block[] = [];
  const blockOf = new Map<string, Block>();
  for (const node of model.nodes) {
    if (anchorOf.get(node.id) !== node.id) continue;
    const stage = spineStage.get(node.id) ?? LONE_SATELLITE_STAGE[node.kind as SatelliteKind];
    const block: Block = { index: blocks.length, anchor: node, before: [], after: [], stage, sublayer: 0, layer: 0 };
    blocks.push(block);
    blockOf.set(node.id, block);
  }
  const members = new Map<Block, TocNode[]>();
  for (const node of model.nodes) {
    const block = blockOf.get(anchorOf.get(node.id)!)!;
    if (block.anchor === node) continue;
    blockOf.set(node.id, block);
    let list = members.get(block);
    if (!list) members.set(block, (list = []));
    list.push(node);
  }
  for (const [block, list] of members) {
    // Listed in reading order across the flow (top to bottom in LR): the slots' ranks put the
    // nearest kinds next to the anchor; within a slot, model order.
    const slot = (n: TocNode) => SATELLITE_SLOT[n.kind as SatelliteKind];
    const byOrder = (a: TocNode, b: TocNode) => nodeOrder.get(a.id)! - nodeOrder.get(b.id)!;
    block.before = list.filter((n) => slot(n).side === 'before').sort((a, b) => slot(b).rank - slot(a).rank || byOrder(a, b));
    block.after = list.filter((n) => slot(n).side === 'after').sort((a, b) => slot(a).rank - slot(b).rank || byOrder(a, b));
  }

  const stageOf = new Map<string, number>();
  for (const node of model.nodes) stageOf.set(node.id, blockOf.get(node.id)!.stage);

  const { layerCount, layerStage } = assignLayers(blocks, blockOf, model.edges);
  return { graph, nodeOrder, edgeOrder, blocks, blockOf, stageOf, layerCount, layerStage, cyclic };
}

/**
 * Stage of every spine node. An outcome without a horizon goes by causal depth: one stage after the
 * latest of its leads-to causes (at least short-term, at most long-term), and no later than an
 * outcome with a horizon that it leads to.
 */
function spineStages(model: Pick<Model, 'nodes' | 'edges'>, graph: GraphIndex, nodeOrder: Map<string, number>) {
  const stage = new Map<string, number>();
  for (const node of model.nodes) {
    if (node.kind === 'outcome') {
      if (node.horizon) stage.set(node.id, HORIZON_STAGE[node.horizon]);
    } else if (isSpine(node)) {
      stage.set(node.id, SPINE_STAGE[node.kind]!);
    }
  }
  const spineIds = model.nodes.filter(isSpine).map((n) => n.id);
  const causal = (id: string) => graph.out(id, 'leads-to').filter((e) => isSpine(graph.node(e.target)!)).map((e) => e.target);
  const components = stronglyConnected(spineIds, causal);
  const componentOf = new Map<string, number>();
  components.forEach((ids, i) => ids.forEach((id) => componentOf.set(id, i)));
  const cyclic = new Set<string>();
  for (const edge of model.edges) {
    if (edge.kind === 'leads-to' && edge.source !== edge.target && componentOf.has(edge.source) && componentOf.get(edge.source) === componentOf.get(edge.target)) {
      cyclic.add(edge.id);
    }
  }
  // Tarjan lists components sinks first; causes must be settled before their effects.
  for (const ids of [...components].reverse()) {
    const open = ids.filter((id) => !stage.has(id)).sort((a, b) => nodeOrder.get(a)! - nodeOrder.get(b)!);
    if (open.length === 0) continue;
    const inside = new Set(ids);
    let lower = FIRST_OUTCOME_STAGE;
    let upper = LAST_OUTCOME_STAGE;
    for (const id of ids) {
      for (const edge of graph.in(id, 'leads-to')) {
        if (inside.has(edge.source)) continue;
        const s = stage.get(edge.source);
        if (s !== undefined) lower = Math.max(lower, s + 1);
      }
      for (const edge of graph.out(id, 'leads-to')) {
        if (inside.has(edge.target)) continue;
        const target = graph.node(edge.target)!;
        if (target.kind === 'outcome' && target.horizon) upper = Math.min(upper, HORIZON_STAGE[target.horizon]);
      }
    }
    const value = Math.max(FIRST_OUTCOME_STAGE, Math.min(lower, upper, LAST_OUTCOME_STAGE));
    for (const id of open) stage.set(id, value);
  }
  return { stage, cyclic };
}

/** Tarjan's strongly connected components, iteratively (no recursion limit on long chains). */
export function stronglyConnected(ids: readonly string[], successors: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: readonly string[]; i: number }[] = [];
    const enter = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: successors(id), i: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const next = frame.next[frame.i++]!;
        if (!index.has(next)) enter(next);
        else if (onStack.has(next)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        result.push(component);
      }
    }
  }
  return result;
}

/**
 * The node each satellite sits beside. A stakeholder linked to two or more nodes sits in the
 * stakeholder column instead, as the anchor of its own block. First choice: a spine neighbour, by the kind's preference,
 * then by the number of edges to it, then by model order of the first such edge. A satellite
 * linked only to satellites joins the block of the first of them that has one; a group of
 * satellites linked to nothing on the spine forms its own block around its first member.
 */
function chooseAnchors(model: Pick<Model, 'nodes' | 'edges'>, graph: GraphIndex, edgeOrder: Map<string, number>): Map<string, string> {
  const anchorOf = new Map<string, string>();
  for (const node of model.nodes) if (isSpine(node)) anchorOf.set(node.id, node.id);

  const ranked = new Map<string, string[]>();
  for (const node of model.nodes) {
    if (isSpine(node)) continue;
    const preference = ANCHOR_PREFERENCE[node.kind as SatelliteKind];
    const score = new Map<string, { tier: number; count: number; first: number }>();
    const consider = (edge: TocEdge, other: string, direction: 'out' | 'in') => {
      if (other === node.id) return;
      let tier = preference.findIndex(([kind, dir]) => kind === edge.kind && dir === direction);
      if (tier < 0) tier = preference.length;
      const order = edgeOrder.get(edge.id)!;
      const current = score.get(other);
      if (!current) score.set(other, { tier, count: 1, first: order });
      else score.set(other, { tier: Math.min(current.tier, tier), count: current.count + 1, first: Math.min(current.first, order) });
    };
    for (const edge of graph.out(node.id)) consider(edge, edge.target, 'out');
    for (const edge of graph.in(node.id)) consider(edge, edge.source, 'in');
    const list = [...score.entries()]
      .sort(([, a], [, b]) => a.tier - b.tier || b.count - a.count || a.first - b.first)
      .map(([id]) => id);
    ranked.set(node.id, list);
    // A stakeholder linked to several nodes would drag long edges from beside any one of them:
    // it gets a block of its own in the stakeholder column, where its links can fan out.
    if (node.kind === 'stakeholder' && list.length >= 2) {
      anchorOf.set(node.id, node.id);
      continue;
    }
    const spine = list.find((id) => isSpine(graph.node(id)!));
    if (spine !== undefined) anchorOf.set(node.id, spine);
  }

  const satellites = model.nodes.filter((n) => !isSpine(n));
  const settleThroughSatellites = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const node of satellites) {
        if (anchorOf.has(node.id)) continue;
        const via = ranked.get(node.id)!.find((id) => anchorOf.has(id));
        if (via !== undefined) {
          anchorOf.set(node.id, anchorOf.get(via)!);
          changed = true;
        }
      }
    }
  };
  settleThroughSatellites();
  for (const node of satellites) {
    if (anchorOf.has(node.id)) continue;
    anchorOf.set(node.id, node.id);
    settleThroughSatellites();
  }
  return anchorOf;
}

/**
 * Sub-columns inside each stage and the global layer of every block. A leads-to edge between spine
 * nodes of one stage (a short-term outcome leading to another) puts the effect one sub-column further
 * on: longest path over those edges, cycles broken by a depth-first search in model order. Only
 * causal links count, so a stray link of another kind can never turn a causal one backwards.
 */
function assignLayers(blocks: Block[], blockOf: Map<string, Block>, edges: readonly TocEdge[]) {
  const successors = new Map<Block, Block[]>();
  for (const edge of edges) {
    const a = blockOf.get(edge.source)!;
    const b = blockOf.get(edge.target)!;
    if (edge.kind !== 'leads-to' || a === b || a.stage !== b.stage || a.anchor.id !== edge.source || b.anchor.id !== edge.target) continue;
    if (!isSpine(a.anchor) || !isSpine(b.anchor)) continue;
    let list = successors.get(a);
    if (!list) successors.set(a, (list = []));
    list.push(b);
  }
  // Depth-first search in model order: finishing order reversed is a topological order of the
  // graph without its back edges.
  const state = new Map<Block, 1 | 2>();
  const finished: Block[] = [];
  const backEdges = new Set<string>();
  for (const root of blocks) {
    if (state.has(root)) continue;
    const work: { block: Block; i: number }[] = [{ block: root, i: 0 }];
    state.set(root, 1);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const next = successors.get(frame.block) ?? [];
      if (frame.i < next.length) {
        const child = next[frame.i++]!;
        const s = state.get(child);
        if (s === undefined) {
          state.set(child, 1);
          work.push({ block: child, i: 0 });
        } else if (s === 1) {
          backEdges.add(`${frame.block.index}>${child.index}`);
        }
        continue;
      }
      state.set(frame.block, 2);
      finished.push(frame.block);
      work.pop();
    }
  }
  for (const block of finished.reverse()) {
    for (const child of successors.get(block) ?? []) {
      if (backEdges.has(`${block.index}>${child.index}`)) continue;
      child.sublayer = Math.max(child.sublayer, block.sublayer + 1);
    }
  }
  const depth = new Array<number>(STAGE_COUNT).fill(-1);
  for (const block of blocks) depth[block.stage] = Math.max(depth[block.stage]!, block.sublayer);
  const offset: number[] = [];
  const layerStage: number[] = [];
  for (let s = 0; s < STAGE_COUNT; s++) {
    offset.push(layerStage.length);
    for (let k = 0; k <= depth[s]!; k++) layerStage.push(s);
  }
  for (const block of blocks) block.layer = offset[block.stage]! + block.sublayer;
  return { layerCount: layerStage.length, layerStage };
}
