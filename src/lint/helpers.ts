// What several rules share: how nodes are named in messages, which attribute values mean what
// (leader, clinician, community mechanism…), and the derived facts of one model. Each fact is
// computed at most once per lint call, on first use, so rules that share it share its cost.
import { EDGE_ENDPOINTS, EDGE_KINDS, type EdgeKind, type EdgeOfKind, type GraphIndex, type Model, type NodeKind, type NodeOfKind, type TocEdge, type TocNode } from '../model';
import type { Lesson } from './types';

type RiskType = NonNullable<NodeOfKind<'risk'>['risk']>;
type Profession = NonNullable<NodeOfKind<'stakeholder'>['profession']>;

export const KIND_NAMES: Record<NodeKind, { one: string; many: string }> = {
  input: { one: 'input', many: 'inputs' },
  activity: { one: 'activity', many: 'activities' },
  mechanism: { one: 'mechanism', many: 'mechanisms' },
  output: { one: 'output', many: 'outputs' },
  outcome: { one: 'outcome', many: 'outcomes' },
  impact: { one: 'impact', many: 'impacts' },
  assumption: { one: 'assumption', many: 'assumptions' },
  context: { one: 'context factor', many: 'context factors' },
  risk: { one: 'risk', many: 'risks' },
  stakeholder: { one: 'stakeholder', many: 'stakeholders' },
  measure: { one: 'measure', many: 'measures' },
};

/** A label as messages quote it: trimmed, and shortened so one message stays one line. */
export function quoted(label: string): string {
  const text = label.trim();
  return `"${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`;
}

/** `activity "Monthly huddles"`: how a message names a node within a sentence. */
export function mention(node: TocNode): string {
  return `${KIND_NAMES[node.kind].one} ${quoted(node.label)}`;
}

/** `Activity "Monthly huddles"`: how a message names a node at the start of a sentence. */
export function named(node: TocNode): string {
  const text = mention(node);
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

/** `"A", "B" and 3 more`: a short list of labels for a message. */
export function labelList(nodes: readonly { label: string }[], max = 3): string {
  const shown = nodes.slice(0, max).map((n) => quoted(n.label));
  const rest = nodes.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return joinAnd(shown);
}

/** `a, b and c`. */
export function joinAnd(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** `an input`, `a leads-to`; capitalised at the start of a sentence. */
export function withArticle(word: string, capital = false): string {
  const article = /^[aeiou]/i.test(word) ? 'an' : 'a';
  return `${capital ? article[0]!.toUpperCase() + article.slice(1) : article} ${word}`;
}

export function count(n: number, kind: NodeKind): string {
  return `${n} ${n === 1 ? KIND_NAMES[kind].one : KIND_NAMES[kind].many}`;
}

export const isBlank = (text: string | undefined) => text === undefined || text.trim() === '';

// The meanings the lessons give to the format's attribute values.
export const LEADING_ROLES: ReadonlySet<string> = new Set(['core-team', 'clinical-lead', 'programme-manager']);
export const COORDINATION_CATEGORIES: ReadonlySet<string> = new Set(['coordination', 'governance']);
export const COMMUNITY_CATEGORIES: ReadonlySet<string> = new Set(['convening', 'community-building']);
/** Lesson 5's community mechanisms: what peer influence runs on. */
export const COMMUNITY_MECHANISMS: ReadonlySet<string> = new Set(['shared-identity', 'social-learning', 'reciprocity-trust', 'peer-norming']);
export const CLINICAL_PROFESSIONS: ReadonlySet<string> = new Set(['medicine', 'nursing', 'allied-health', 'pharmacy', 'mixed']);
/** Participation that gives a group a voice, as opposed to being the `target` of change. */
export const VOICED_PARTICIPATION: ReadonlySet<string> = new Set(['participant', 'co-designer']);
export const COLLABORATIVE_APPROACHES: ReadonlySet<string> = new Set(['qi-collaborative', 'clinical-community']);
export const WEAK_EVIDENCE: ReadonlySet<string> = new Set(['low', 'unknown']);

// Plain objects rather than sets: this runs for every edge of every model.
type KindTable = Record<EdgeKind, Partial<Record<NodeKind, true>>>;
const table = (end: 'from' | 'to') =>
  Object.fromEntries(EDGE_KINDS.map((kind) => [kind, Object.fromEntries(EDGE_ENDPOINTS[kind][end].map((k) => [k, true]))])) as KindTable;
const ALLOWED_FROM = table('from');
const ALLOWED_TO = table('to');

/** Whether the format allows an edge of this kind between nodes of these kinds. */
export function isAllowedEdge(kind: EdgeKind, sourceKind: NodeKind, targetKind: NodeKind): boolean {
  return ALLOWED_FROM[kind]?.[sourceKind] === true && ALLOWED_TO[kind]?.[targetKind] === true;
}

/**
 * Splits the edges into those the lesson rules reason about (between existing nodes of kinds the
 * format allows, and no self-loops) and the malformed rest, which only the structural rules look
 * at: leaving them out keeps every other rule from being misled by a half-drawn link.
 */
export function partitionEdges(model: Pick<Model, 'edges'>, graph: GraphIndex): { usable: readonly TocEdge[]; malformed: readonly TocEdge[] } {
  const malformed = model.edges.filter((edge) => {
    const source = graph.node(edge.source);
    const target = graph.node(edge.target);
    return source === undefined || target === undefined || edge.source === edge.target || !isAllowedEdge(edge.kind, source.kind, target.kind);
  });
  if (malformed.length === 0) return { usable: model.edges, malformed };
  const left = new Set(malformed);
  return { usable: model.edges.filter((edge) => !left.has(edge)), malformed };
}

export const isCommunityActivity = (node: TocNode): boolean =>
  node.kind === 'activity' && node.category !== undefined && COMMUNITY_CATEGORIES.has(node.category);

export const isCommunityMechanism = (node: TocNode): boolean =>
  node.kind === 'mechanism' && node.mechanism !== undefined && COMMUNITY_MECHANISMS.has(node.mechanism);

/** Nodes of one kind at the other end of a node's edges of one kind. */
export function linked<K extends NodeKind>(
  graph: GraphIndex,
  id: string,
  edgeKind: EdgeKind,
  direction: 'in' | 'out',
  nodeKind: K,
): NodeOfKind<K>[] {
  const found: NodeOfKind<K>[] = [];
  for (const edge of direction === 'in' ? graph.in(id, edgeKind) : graph.out(id, edgeKind)) {
    const node = graph.node(direction === 'in' ? edge.source : edge.target);
    if (node?.kind === nodeKind) found.push(node as NodeOfKind<K>);
  }
  return found;
}

/** Whether a node has at least one edge of a kind coming from a node of a kind. */
export function hasIncoming(graph: GraphIndex, id: string, edgeKind: EdgeKind, sourceKind: NodeKind): boolean {
  for (const edge of graph.in(id, edgeKind)) if (graph.node(edge.source)?.kind === sourceKind) return true;
  return false;
}

/** A node's outgoing edges of one kind, typed as that kind (the index groups them by kind). */
export const outEdges = <K extends EdgeKind>(graph: GraphIndex, id: string, kind: K) => graph.out(id, kind) as readonly EdgeOfKind<K>[];
export const inEdges = <K extends EdgeKind>(graph: GraphIndex, id: string, kind: K) => graph.in(id, kind) as readonly EdgeOfKind<K>[];

export const ownersOf = (graph: GraphIndex, id: string) => linked(graph, id, 'owns', 'in', 'stakeholder');

/** The lesson phrase for messages: "lesson 2", "lessons 2 and 6", "the approach fit". */
export function lessonPhrase(lessons: Iterable<Lesson | null>): string {
  const numbers = [...new Set(lessons)].filter((l): l is Lesson => l !== null).sort((a, b) => a - b);
  const parts = numbers.length === 0 ? [] : [`${numbers.length === 1 ? 'lesson' : 'lessons'} ${joinAnd(numbers.map(String))}`];
  if ([...lessons].includes(null)) parts.push('the approach fit');
  return joinAnd(parts);
}

// Dates in the format are plain `YYYY-MM-DD` strings, which compare correctly as text.
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(newYear, newMonth, 0)).getUTCDate();
  return `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export const todayIso = () => new Date().toISOString().slice(0, 10);

/** The facts about one model that more than one rule needs, each computed once, on first use. */
export class ModelFacts {
  private cache = new Map<string, unknown>();

  constructor(
    readonly model: Model,
    /** Indexes every node and the usable edges (see `partitionEdges`). */
    readonly graph: GraphIndex,
    /** The edges left out of `graph`, for the structural rules. */
    readonly malformedEdges: readonly TocEdge[] = [],
  ) {}

  private memo<T>(key: string, compute: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key) as T;
  }

  /** Whether a node has a `leads-to` path to an impact (impacts included): one backward search from the impacts. */
  reachesImpact(id: string): boolean {
    const marks = this.memo('reachesImpact', () => this.reach(this.graph.nodesOfKind('impact'), 'backward'));
    const at = this.graph.position(id);
    return at !== undefined && marks[at] === 1;
  }

  /** Stakeholders who lead or co-ordinate: core team, clinical lead, programme manager. */
  get leaders(): readonly NodeOfKind<'stakeholder'>[] {
    return this.memo('leaders', () =>
      this.graph.nodesOfKind('stakeholder').filter((s) => s.role !== undefined && LEADING_ROLES.has(s.role)),
    );
  }

  /** Sites declared in `community.sites` and sites named by stakeholders or context factors. */
  get siteIds(): ReadonlySet<string> {
    return this.memo('siteIds', () => {
      const ids = new Set((this.model.community?.sites ?? []).map((s) => s.id));
      for (const node of this.graph.nodesOfKind('stakeholder')) if (node.site) ids.add(node.site);
      for (const node of this.graph.nodesOfKind('context')) if (node.site) ids.add(node.site);
      return ids;
    });
  }

  get multiSite(): boolean {
    return this.siteIds.size >= 2;
  }

  get professions(): ReadonlySet<Profession> {
    return this.memo('professions', () => {
      const set = new Set<Profession>();
      for (const node of this.graph.nodesOfKind('stakeholder')) if (node.profession) set.add(node.profession);
      return set;
    });
  }

  /** More than one profession takes part (or a group is declared as mixed). */
  get multiProfessional(): boolean {
    return this.professions.size >= 2 || this.professions.has('mixed');
  }

  /** Risks that at least one activity mitigates. */
  get mitigatedRisks(): readonly NodeOfKind<'risk'>[] {
    return this.memo('mitigatedRisks', () =>
      this.graph.nodesOfKind('risk').filter((risk) => hasIncoming(this.graph, risk.id, 'mitigates', 'activity')),
    );
  }

  hasMitigatedRisk(types: readonly RiskType[]): boolean {
    return this.mitigatedRisks.some((risk) => risk.risk !== undefined && types.includes(risk.risk));
  }

  /** Risks with no type, which might be any of the types a rule is looking for. */
  get untypedRisks(): readonly NodeOfKind<'risk'>[] {
    return this.memo('untypedRisks', () => this.graph.nodesOfKind('risk').filter((risk) => risk.risk === undefined));
  }

  get hardActivities(): readonly NodeOfKind<'activity'>[] {
    return this.memo('hardActivities', () => this.graph.nodesOfKind('activity').filter((a) => a.strategy === 'hard'));
  }

  /** The ids of every edge in the file, including those the lesson rules leave out. */
  get edgeIds(): ReadonlySet<string> {
    return this.memo('edgeIds', () => new Set(this.model.edges.map((e) => e.id)));
  }

  /**
   * The `leads-to` edges as compact adjacency over node positions, both ways (CSR: the targets of
   * node i are `targets[offsets[i]] … targets[offsets[i + 1] - 1]`, `edges` holds their positions
   * in `graph.edges`; `sourceOffsets` and `sources` the same backwards). Typed arrays keep the
   * graph algorithms fast and free of garbage on large models.
   */
  get leadsTo(): LeadsToAdjacency {
    return this.memo('leadsTo', () => {
      const { nodes, edges } = this.graph;
      const from = new Int32Array(edges.length).fill(-1);
      const to = new Int32Array(edges.length);
      const offsets = new Int32Array(nodes.length + 1);
      const sourceOffsets = new Int32Array(nodes.length + 1);
      for (let i = 0; i < edges.length; i++) {
        const edge = edges[i]!;
        if (edge.kind !== 'leads-to') continue;
        const source = this.graph.position(edge.source);
        const target = this.graph.position(edge.target);
        if (source === undefined || target === undefined) continue;
        from[i] = source;
        to[i] = target;
        offsets[source + 1]!++;
        sourceOffsets[target + 1]!++;
      }
      for (let i = 0; i < nodes.length; i++) {
        offsets[i + 1]! += offsets[i]!;
        sourceOffsets[i + 1]! += sourceOffsets[i]!;
      }
      const count = offsets[nodes.length]!;
      const targets = new Int32Array(count);
      const edgePositions = new Int32Array(count);
      const sources = new Int32Array(count);
      const nextOut = offsets.slice(0, nodes.length);
      const nextIn = sourceOffsets.slice(0, nodes.length);
      for (let i = 0; i < edges.length; i++) {
        const source = from[i]!;
        if (source === -1) continue;
        const slot = nextOut[source]!++;
        targets[slot] = to[i]!;
        edgePositions[slot] = i;
        sources[nextIn[to[i]!]!++] = source;
      }
      return { offsets, targets, edges: edgePositions, sourceOffsets, sources };
    });
  }

  /** Marks (1) every node reachable along `leads-to` from the start nodes, which are marked too. */
  reach(start: Iterable<TocNode | number>, direction: 'forward' | 'backward'): Uint8Array {
    const { offsets, targets, sourceOffsets, sources } = this.leadsTo;
    const [starts, next] = direction === 'forward' ? [offsets, targets] : [sourceOffsets, sources];
    const marks = new Uint8Array(this.model.nodes.length);
    const queue = new Int32Array(this.model.nodes.length);
    let tail = 0;
    for (const item of start) {
      const at = typeof item === 'number' ? item : this.graph.position(item.id);
      if (at !== undefined && marks[at] === 0) (marks[at] = 1), (queue[tail++] = at);
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      for (let slot = starts[v]!; slot < starts[v + 1]!; slot++) {
        const w = next[slot]!;
        if (marks[w] === 0) (marks[w] = 1), (queue[tail++] = w);
      }
    }
    return marks;
  }
}

export interface LeadsToAdjacency {
  offsets: Int32Array;
  targets: Int32Array;
  edges: Int32Array;
  sourceOffsets: Int32Array;
  sources: Int32Array;
}

/** The candidate closest to a misspelt id, if it is close enough to be what was meant. */
export function closestMatch(id: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) (best = candidate), (bestDistance = distance);
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export const isEdge = (item: TocNode | TocEdge): item is TocEdge => 'source' in item;
