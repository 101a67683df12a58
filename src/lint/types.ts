// The rule checker's vocabulary, shared by the engine, the rules, the formatters, the CLI and the
// editor's findings panel.
import type { GraphIndex, Model, TocEdge, TocNode } from '../model';
import type { ModelFacts } from './helpers';

export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';
export type Lesson = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface Finding {
  /** Kebab-case rule id. */
  rule: string;
  /** The Aveling et al. (2012) lesson, or null for structural and approach-fit rules. */
  lesson: Lesson | null;
  severity: Severity;
  /** Plain words, naming nodes by their label. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** One sentence: what to add or change. */
  fix: string;
  /** Present when a suppression in the model covers this finding. */
  suppressed?: { reason: string };
}

export interface RuleExample {
  /** What the example shows, in a sentence. */
  description: string;
  model: Model;
}

export interface RuleMeta {
  id: string;
  lesson: Lesson | null;
  severity: Severity;
  title: string;
  /** Why the rule exists, citing the lesson and its sources (lessons.md); no invented quotes or pages. */
  rationale: string;
  /** General advice on fixing what the rule reports (each report has its own, specific `fix`). */
  fix: string;
  failing: RuleExample;
  passing: RuleExample;
}

/** What a rule's check reports; the engine adds rule, lesson, severity and suppression. */
export interface Report {
  message: string;
  fix: string;
  nodeId?: string;
  edgeId?: string;
  /**
   * Lowers the configured severity for this one report, never raises it: a rule's default severity
   * is the highest it reports (e.g. `outcomes-measured` is an error, but a `warning` for long-term
   * outcomes), so setting the rule to `warning` caps all of its reports at `warning`.
   */
  severity?: Severity;
}

export interface RuleContext {
  /** The model as in the file; structural rules read `model.edges` to report malformed links. */
  model: Model;
  /**
   * Built once per lint call and shared by every rule. It indexes every node but only the usable
   * edges: those the format allows between their endpoints, and no self-loops, so that a
   * half-drawn link cannot mislead the lesson rules (the structural rules report it).
   */
  graph: GraphIndex;
  /** Derived facts shared between rules (reachability to the impact, leaders, sites…), memoised. */
  facts: ModelFacts;
  /** Today's date, `YYYY-MM-DD`. */
  today: string;
  /** Every rule id the engine knows, for checking the model's own lint settings. */
  ruleIds: ReadonlySet<string>;
  report(report: Report): void;
  /**
   * Says that the rule could not judge a node or edge because an optional attribute is unset. The
   * engine turns these into `info` findings: one per node and attribute however many rules asked,
   * or one for the whole model when no node of that kind has the attribute at all.
   */
  needsAttribute<T extends TocNode | TocEdge>(item: T, attribute: keyof T & string): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export interface LintOptions {
  /** Settings from the project's toc.config.json; the model's own `lint.rules` override these. */
  projectRules?: Record<string, RuleSetting>;
  /** Settings from the command line (`--rule id=severity`); they override everything else. */
  overrideRules?: Record<string, RuleSetting>;
  /** Today's date (YYYY-MM-DD) for date-based rules; defaults to the current date. */
  today?: string;
}
