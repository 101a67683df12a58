// Rules that cannot judge a node because an optional attribute is unset say so through
// `needsAttribute`; this module turns those requests into `info` reports without spamming: one per
// node and attribute however many rules asked (naming every lesson that needed it), or a single
// report for the whole model when no node of that kind has the attribute at all.
import * as V from '../model/vocabulary';
import type { GraphIndex, TocEdge, TocNode } from '../model';
import { isEdge, KIND_NAMES, lessonPhrase, named, quoted, joinAnd } from './helpers';
import type { Lesson, Report, Rule, Severity } from './types';

const BOOLEAN = ['true', 'false'] as const;

/** How messages name the attributes rules ask for, and the values to suggest. */
const ATTRIBUTES: Record<string, { name: string; values?: readonly string[] }> = {
  'stakeholder.role': { name: 'role', values: V.STAKEHOLDER_ROLES },
  'stakeholder.profession': { name: 'profession', values: V.PROFESSIONS },
  'activity.category': { name: 'category', values: V.ACTIVITY_CATEGORIES },
  'activity.strategy': { name: 'strategy', values: V.STRATEGIES },
  'activity.evidenceStrength': { name: 'evidence strength', values: V.EVIDENCE_STRENGTHS },
  'activity.coreComponent': { name: 'core-component flag', values: BOOLEAN },
  'mechanism.mechanism': { name: 'mechanism type', values: V.MECHANISMS },
  'mechanism.direction': { name: 'direction', values: V.DIRECTIONS },
  'outcome.horizon': { name: 'horizon', values: V.HORIZONS },
  'impact.timeframe': { name: 'timeframe' },
  'assumption.status': { name: 'status', values: V.ASSUMPTION_STATUSES },
  'context.valence': { name: 'valence', values: V.VALENCES },
  'risk.risk': { name: 'risk type', values: V.RISK_TYPES },
  'input.resource': { name: 'resource type', values: V.RESOURCES },
  'input.secured': { name: 'secured flag', values: BOOLEAN },
  'measure.measureType': { name: 'measure type', values: V.MEASURE_TYPES },
  'measure.sharedDefinition': { name: 'shared-definition flag', values: BOOLEAN },
  'measure.burden': { name: 'burden', values: V.LEVELS_LOW_MEDIUM_HIGH },
  'feeds-back.format': { name: 'feedback format', values: V.FEEDBACK_FORMATS },
  'participates-in.as': { name: 'participation role', values: V.PARTICIPATION_ROLES },
};

interface Request {
  /** Position of the rule in the engine's order. */
  order: number;
  rule: Rule;
  setting: Severity;
  item: TocNode | TocEdge;
  attribute: string;
  lessons: Set<Lesson | null>;
}

export interface PendingReport {
  rule: Rule;
  setting: Severity;
  report: Report;
}

export class MissingAttributes {
  /** By item id and attribute; the first request comes from the earliest rule, which owns the report. */
  private requests = new Map<string, Request>();

  add(order: number, rule: Rule, setting: Severity, item: TocNode | TocEdge, attribute: string): void {
    const key = `${item.id}\u0000${attribute}`;
    const request = this.requests.get(key);
    if (request) request.lessons.add(rule.meta.lesson);
    else this.requests.set(key, { order, rule, setting, item, attribute, lessons: new Set([rule.meta.lesson]) });
  }

  reports(graph: GraphIndex): PendingReport[] {
    const groups = new Map<string, Request[]>();
    for (const request of this.requests.values()) {
      const key = `${request.item.kind}.${request.attribute}`;
      const group = groups.get(key);
      if (group) group.push(request);
      else groups.set(key, [request]);
    }
    const reports: PendingReport[] = [];
    for (const [key, group] of groups) {
      const { item, attribute } = group[0]!;
      const described = ATTRIBUTES[key] ?? { name: attribute };
      const values = described.values ? ` (\`${attribute}\`: ${joinAnd(described.values, 'or')})` : ` (\`${attribute}\`)`;
      if (group.length >= 2 && !anySet(graph, item, attribute)) {
        const owner = group.reduce((first, r) => (r.order < first.order ? r : first));
        const lessons = group.flatMap((r) => [...r.lessons]);
        const kind = isEdge(item) ? { one: `${item.kind} link`, many: `${item.kind} links` } : KIND_NAMES[item.kind];
        reports.push({
          rule: owner.rule,
          setting: owner.setting,
          report: {
            severity: 'info',
            message: `No ${kind.one} has a ${described.name} set (${group.length} ${kind.many}), so ${lessonPhrase(lessons)} cannot be fully checked`,
            fix: `Set the ${described.name} of each ${kind.one}${values}.`,
          },
        });
        continue;
      }
      for (const request of group) {
        const what = describe(graph, request.item);
        reports.push({
          rule: request.rule,
          setting: request.setting,
          report: {
            severity: 'info',
            message: `${what} has no ${described.name} set, so ${lessonPhrase(request.lessons)} cannot be fully checked`,
            ...(isEdge(request.item) ? { edgeId: request.item.id } : { nodeId: request.item.id }),
            fix: `Set the ${described.name} of ${isEdge(request.item) ? 'the link' : quoted(request.item.label)}${values}.`,
          },
        });
      }
    }
    return reports;
  }
}

function anySet(graph: GraphIndex, sample: TocNode | TocEdge, attribute: string): boolean {
  const items: readonly (TocNode | TocEdge)[] = isEdge(sample) ? graph.edges.filter((e) => e.kind === sample.kind) : graph.nodesOfKind(sample.kind);
  return items.some((item) => (item as unknown as Record<string, unknown>)[attribute] !== undefined);
}

function describe(graph: GraphIndex, item: TocNode | TocEdge): string {
  if (!isEdge(item)) return named(item);
  const source = graph.node(item.source);
  const target = graph.node(item.target);
  return `The ${item.kind} link from ${quoted(source?.label ?? item.source)} to ${quoted(target?.label ?? item.target)}`;
}
