// What happens when a user drags from one node to another: the spec's edge table decides.
import { EDGE_ENDPOINTS, EDGE_KINDS, edgeKindsBetween, type EdgeKind, type NodeKind } from '../model';
import type { Doc } from './doc';

export type ConnectDecision =
  | { action: 'create'; kind: EdgeKind }
  | { action: 'choose'; kinds: EdgeKind[] }
  | { action: 'refuse'; message: string };

const ARTICLE_NAME: Record<NodeKind, string> = {
  input: 'an input',
  activity: 'an activity',
  mechanism: 'a mechanism',
  output: 'an output',
  outcome: 'an outcome',
  impact: 'an impact',
  assumption: 'an assumption',
  context: 'a context factor',
  risk: 'a risk',
  stakeholder: 'a stakeholder',
  measure: 'a measure',
};

/** The verb of each edge kind, as in "an input can only enable …". */
export const EDGE_VERBS: Record<EdgeKind, string> = {
  'leads-to': 'lead to',
  enables: 'enable',
  measures: 'measure',
  'feeds-back': 'feed back to',
  owns: 'own',
  'participates-in': 'participate in',
  underpins: 'underpin',
  influences: 'influence',
  mitigates: 'mitigate',
  threatens: 'threaten',
  'reports-to': 'report to',
};

export function articleName(kind: NodeKind): string {
  return ARTICLE_NAME[kind];
}

function list(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "lead to" → "leads to". */
export function thirdPerson(verb: string): string {
  const [first, ...rest] = verb.split(' ');
  return [`${first}s`, ...rest].join(' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "An input can only enable an activity or a mechanism." */
export function whatKindCanLinkTo(kind: NodeKind): string {
  const clauses = EDGE_KINDS.filter((edgeKind) => EDGE_ENDPOINTS[edgeKind].from.includes(kind)).map(
    (edgeKind) => `${EDGE_VERBS[edgeKind]} ${list(EDGE_ENDPOINTS[edgeKind].to.map((k) => ARTICLE_NAME[k]), 'or')}`,
  );
  if (clauses.length === 0) return `${capitalise(ARTICLE_NAME[kind])} is where links end: draw links into it, not out of it.`;
  const joined = clauses.length === 1 ? clauses[0]! : `${clauses.slice(0, -1).join(', ')}, or ${clauses[clauses.length - 1]}`;
  return `${capitalise(ARTICLE_NAME[kind])} can only ${joined}.`;
}

export function decideConnection(doc: Doc, sourceId: string, targetId: string): ConnectDecision {
  const source = doc.nodes.get(sourceId);
  const target = doc.nodes.get(targetId);
  if (!source || !target) return { action: 'refuse', message: 'Drop the link on a node.' };
  if (sourceId === targetId) return { action: 'refuse', message: 'A node cannot be linked to itself.' };
  const fitting = edgeKindsBetween(source.kind, target.kind);
  if (fitting.length === 0) {
    const reverse = edgeKindsBetween(target.kind, source.kind);
    const hint = reverse.length > 0 ? ` To link them the other way (${ARTICLE_NAME[target.kind]} to ${ARTICLE_NAME[source.kind]}), drag from "${target.label}".` : '';
    return { action: 'refuse', message: `${whatKindCanLinkTo(source.kind)}${hint}` };
  }
  const existing = new Set(
    [...doc.edges.values()].filter((edge) => edge.source === sourceId && edge.target === targetId).map((edge) => edge.kind),
  );
  const open = fitting.filter((kind) => !existing.has(kind));
  if (open.length === 0) {
    const verbs = fitting.map((k) => thirdPerson(EDGE_VERBS[k])).join(' and ');
    return { action: 'refuse', message: `"${source.label}" already ${verbs} "${target.label}".` };
  }
  return open.length === 1 ? { action: 'create', kind: open[0]! } : { action: 'choose', kinds: open };
}
