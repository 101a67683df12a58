// The rule checker's vocabulary, shared by the engine, the rules, the formatters, the CLI and the
// editor's findings panel.
import type { GraphIndex, Model } from '../model';

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
  failing: RuleExample;
  passing: RuleExample;
}

/** What a rule's check reports; the engine adds rule, lesson, severity and suppression. */
export interface Report {
  message: string;
  fix: string;
  nodeId?: string;
  edgeId?: string;
  /** Overrides the configured severity for this one report (e.g. `info` when a needed attribute is missing). */
  severity?: Severity;
}

export interface RuleContext {
  model: Model;
  graph: GraphIndex;
  report(report: Report): void;
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
