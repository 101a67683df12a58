// The rule checker, as the editor uses it: lint(model) plus the explanations of lessons and rules.
// Loaded as its own chunk so the canvas draws before the checker has arrived.
import type { Model } from '../model';
import type { Finding, Lesson, LintOptions, RuleMeta } from '../lint/types';

export interface LintModule {
  lint(model: Model, options?: LintOptions): Finding[];
  lessons: Partial<Record<Lesson, { title: string; summary: string }>>;
  rules: ReadonlyMap<string, RuleMeta>;
}

let loading: Promise<LintModule | undefined> | undefined;

export function loadLint(): Promise<LintModule | undefined> {
  loading ??= import('../lint').then(
    (mod) => ({ lint: mod.lint, lessons: mod.LESSONS, rules: new Map(mod.RULES.map((rule) => [rule.meta.id, rule.meta])) }),
    (error: unknown) => {
      console.error('the rule checker could not be loaded', error);
      return undefined;
    },
  );
  return loading;
}
