// The rule checker: lint(model) runs every enabled rule over one shared graph index and returns
// findings in a deterministic order. Pure: no DOM, no file system; the editor and the CLI share it.
import { GraphIndex, type Model, type Suppression } from '../model';
import { ModelFacts, partitionEdges, quoted, todayIso } from './helpers';
import { MissingAttributes } from './missing-attributes';
import { LEADERSHIP_RULES } from './rules/lesson1-leadership';
import { THEORY_RULES } from './rules/lesson2-theory';
import { RESOURCE_RULES } from './rules/lesson3-resources';
import { CONFLICT_RULES } from './rules/lesson4-conflict';
import { COMMUNITY_RULES } from './rules/lesson5-community';
import { DATA_RULES } from './rules/lesson6-data';
import { STRATEGY_RULES } from './rules/lesson7-strategies';
import { CONTEXT_RULES } from './rules/lesson8-context';
import { lintConfigValid, STRUCTURAL_RULES } from './rules/structural';
import { FIT_RULES } from './rules/fit';
import type { Finding, LintOptions, Report, Rule, RuleSetting, Severity } from './types';

export type * from './types';
export { LESSONS } from './lessons';

/** Every rule, in a stable order: the eight lessons, then the structural and approach-fit checks. */
export const RULES: readonly Rule[] = [
  ...LEADERSHIP_RULES,
  ...THEORY_RULES,
  ...RESOURCE_RULES,
  ...CONFLICT_RULES,
  ...COMMUNITY_RULES,
  ...DATA_RULES,
  ...STRATEGY_RULES,
  ...CONTEXT_RULES,
  ...STRUCTURAL_RULES,
  ...FIT_RULES,
];

/** The structural and approach-fit rules, told apart for documentation (both have lesson null). */
export const APPROACH_FIT_RULE_IDS: ReadonlySet<string> = new Set(FIT_RULES.map((r) => r.meta.id));

const RULES_BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));
export const RULE_IDS: ReadonlySet<string> = new Set(RULES_BY_ID.keys());

export function ruleById(id: string): Rule | undefined {
  return RULES_BY_ID.get(id);
}

/** The ids in a settings object (project file, command line, model) that name no rule. */
export function unknownRuleIds(settings: Record<string, unknown>): string[] {
  return Object.keys(settings).filter((id) => !RULE_IDS.has(id));
}

const own = (settings: Record<string, RuleSetting> | undefined, id: string) =>
  settings !== undefined && Object.hasOwn(settings, id) ? settings[id] : undefined;

/**
 * A rule's setting after the layers, each overriding the one before: the rule's default, the
 * project's settings, the model's `lint.rules`, the command line. Unknown ids are `off`.
 */
export function effectiveSeverity(rule: Rule | string, model: Pick<Model, 'lint'>, options: LintOptions = {}): RuleSetting {
  const found = typeof rule === 'string' ? RULES_BY_ID.get(rule) : rule;
  if (!found) return 'off';
  const id = found.meta.id;
  return own(options.overrideRules, id) ?? own(model.lint?.rules, id) ?? own(options.projectRules, id) ?? found.meta.severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Lints a model. Findings are ordered by lesson (structural and approach-fit findings, lesson null,
 * first: a broken graph often explains lesson findings), then rule id, then the position in the
 * file of the node or edge they point at (model-level findings first), then message.
 */
export function lint(model: Model, options: LintOptions = {}): Finding[] {
  const fileGraph = new GraphIndex(model);
  const { usable, malformed } = partitionEdges(model, fileGraph);
  // Almost always every edge is usable and the one index serves; otherwise index the usable ones.
  const graph = malformed.length === 0 ? fileGraph : new GraphIndex({ nodes: model.nodes, edges: [...usable] });
  const facts = new ModelFacts(model, graph, malformed);
  const today = options.today ?? todayIso();
  const settings = new Map(RULES.map((rule) => [rule.meta.id, effectiveSeverity(rule, model, options)]));
  const findings: Finding[] = [];
  const missing = new MissingAttributes();

  RULES.forEach((rule, order) => {
    const setting = settings.get(rule.meta.id)!;
    if (setting === 'off') return;
    rule.check({
      model,
      graph,
      facts,
      today,
      ruleIds: RULE_IDS,
      report: (report) => findings.push(toFinding(rule, setting, report)),
      needsAttribute: (item, attribute) => missing.add(order, rule, setting, item, attribute),
    });
  });
  for (const { rule, setting, report } of missing.reports(graph)) findings.push(toFinding(rule, setting, report));

  const suppressions = model.lint?.suppressions ?? [];
  if (suppressions.length > 0) {
    const used = suppress(findings, suppressions);
    const stale = staleSuppressionFindings(suppressions, used, settings, facts);
    suppress(stale, suppressions);
    findings.push(...stale);
  }
  return sortFindings(findings, model, graph);
}

/** Suppressions of enabled rules that matched nothing: what they explained has probably been fixed. */
function staleSuppressionFindings(
  suppressions: readonly Suppression[],
  used: ReadonlySet<Suppression>,
  settings: ReadonlyMap<string, RuleSetting>,
  facts: ModelFacts,
): Finding[] {
  const configSetting = settings.get(lintConfigValid.meta.id)!;
  if (configSetting === 'off') return [];
  const { graph } = facts;
  const stale: Finding[] = [];
  for (const s of suppressions) {
    const setting = settings.get(s.rule);
    const node = s.target === undefined ? undefined : graph.node(s.target);
    const targetExists = s.target === undefined || node !== undefined || facts.edgeIds.has(s.target);
    // Unknown rules and targets are lint-config-valid's own findings; its own suppressions are exempt.
    if (used.has(s) || s.rule === lintConfigValid.meta.id || setting === undefined || setting === 'off' || !targetExists) continue;
    stale.push(
      toFinding(lintConfigValid, configSetting, {
        severity: 'info',
        message: `The suppression of ${quoted(s.rule)}${s.target === undefined ? '' : ` for ${quoted(node?.label ?? s.target)}`} matches no finding; what it explained seems fixed`,
        nodeId: node?.id,
        edgeId: node === undefined ? s.target : undefined,
        fix: "Remove the suppression from the model's lint settings.",
      }),
    );
  }
  return stale;
}

function toFinding(rule: Rule, setting: Severity, report: Report): Finding {
  const lowered = report.severity !== undefined && RANK[report.severity] < RANK[setting];
  // Keys in the documented order and no absent keys, so JSON output is stable.
  return {
    rule: rule.meta.id,
    lesson: rule.meta.lesson,
    severity: lowered ? report.severity! : setting,
    message: report.message,
    ...(report.nodeId !== undefined && { nodeId: report.nodeId }),
    ...(report.edgeId !== undefined && { edgeId: report.edgeId }),
    fix: report.fix,
  };
}

/** Marks the findings a suppression covers (they stay in the output) and returns the suppressions used. */
function suppress(findings: Finding[], suppressions: readonly Suppression[]): Set<Suppression> {
  const byRule = new Map<string, Suppression[]>();
  for (const s of suppressions) byRule.set(s.rule, [...(byRule.get(s.rule) ?? []), s]);
  const used = new Set<Suppression>();
  for (const finding of findings) {
    const match = byRule
      .get(finding.rule)
      ?.find((s) => s.target === undefined || s.target === finding.nodeId || s.target === finding.edgeId);
    if (!match) continue;
    finding.suppressed = { reason: match.reason };
    used.add(match);
  }
  return used;
}

function sortFindings(findings: Finding[], model: Model, graph: GraphIndex): Finding[] {
  // Edge positions only for the edges findings point at, after the nodes, as in the file.
  const edgeIndex = new Map<string, number>();
  for (const finding of findings) if (finding.edgeId !== undefined) edgeIndex.set(finding.edgeId, -1);
  if (edgeIndex.size > 0) model.edges.forEach((edge, i) => edgeIndex.has(edge.id) && edgeIndex.set(edge.id, model.nodes.length + i));
  const nodeAt = (id: string | undefined) => (id === undefined ? -1 : (graph.position(id) ?? -1));
  const edgeAt = (id: string | undefined) => (id === undefined ? -1 : (edgeIndex.get(id) ?? -1));
  const keyed = findings.map((finding) => ({
    finding,
    lesson: finding.lesson ?? 0,
    position: finding.nodeId !== undefined ? nodeAt(finding.nodeId) : edgeAt(finding.edgeId),
    edge: edgeAt(finding.edgeId),
  }));
  keyed.sort(
    (a, b) =>
      a.lesson - b.lesson ||
      compareText(a.finding.rule, b.finding.rule) ||
      a.position - b.position ||
      a.edge - b.edge ||
      compareText(a.finding.message, b.finding.message),
  );
  return keyed.map((k) => k.finding);
}

/** Code-point order, the same on every machine (unlike localeCompare). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
