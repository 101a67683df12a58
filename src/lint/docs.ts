// Rule documentation, generated from the rule metadata: one page per rule and an index by lesson.
// `docs/rules/` holds the generated files; tests/lint/docs.test.ts fails when they are stale.
import { serializeModel } from '../model';
import { EXAMPLE_TODAY } from './example';
import { APPROACH_FIT_RULE_IDS, lint, RULES } from './index';
import { LESSONS, PAPER, SOURCES } from './lessons';
import type { Lesson, Rule, RuleExample } from './types';

export { LESSONS } from './lessons';

const GENERATED = '<!-- Generated from the rule metadata in src/lint/rules by src/lint/docs.ts; do not edit by hand. -->';

type Group = Lesson | 'structural' | 'approach-fit';

function groupOf(rule: Rule): Group {
  if (rule.meta.lesson !== null) return rule.meta.lesson;
  return APPROACH_FIT_RULE_IDS.has(rule.meta.id) ? 'approach-fit' : 'structural';
}

const GROUP_HEADINGS: Record<'structural' | 'approach-fit', { title: string; summary: string }> = {
  structural: { title: 'Structural checks', summary: 'Whether the drawing is a well-formed theory-of-change graph at all; these rules have no lesson.' },
  'approach-fit': { title: 'Approach fit', summary: 'Whether the community-based approach suits the problem, from the typology in the paper\'s premise; these rules have no lesson.' },
};

function groupHeading(group: Group): string {
  return typeof group === 'number' ? `Lesson ${group}: ${LESSONS[group].title}` : GROUP_HEADINGS[group].title;
}

function groupSummary(group: Group): string {
  return typeof group === 'number' ? LESSONS[group].summary : GROUP_HEADINGS[group].summary;
}

function exampleSection(heading: string, rule: Rule, example: RuleExample, showFindings: boolean): string[] {
  const lines = [`## ${heading}`, '', example.description, '', '```json', serializeModel(example.model).trimEnd(), '```', ''];
  if (!showFindings) return lines;
  const findings = lint(example.model, { today: EXAMPLE_TODAY }).filter((f) => f.rule === rule.meta.id);
  lines.push('What the rule reports on it:', '');
  for (const finding of findings) {
    const target = finding.nodeId ?? finding.edgeId;
    lines.push(`- **${finding.severity}**${target ? ` (\`${target}\`)` : ''}: ${finding.message}. *Fix:* ${finding.fix}`);
  }
  lines.push('');
  return lines;
}

/** The documentation page of one rule, as Markdown. */
export function ruleDocMarkdown(rule: Rule): string {
  const { meta } = rule;
  const group = groupOf(rule);
  const lesson = typeof group === 'number' ? `${group} — ${LESSONS[group].title}` : `none (${GROUP_HEADINGS[group].title.toLowerCase()})`;
  return [
    GENERATED,
    '',
    `# ${meta.title}`,
    '',
    `- Rule: \`${meta.id}\``,
    `- Lesson: ${lesson}`,
    `- Default severity: ${meta.severity}`,
    '',
    '## Why',
    '',
    meta.rationale,
    '',
    '## How to fix',
    '',
    meta.fix,
    '',
    ...exampleSection('Example that fails', rule, meta.failing, true),
    ...exampleSection('Example that passes', rule, meta.passing, false),
  ].join('\n');
}

/** The index of the rules, grouped by lesson under the lessons' headings, as Markdown. */
export function rulesIndexMarkdown(rules: readonly Rule[]): string {
  const groups: Group[] = [1, 2, 3, 4, 5, 6, 7, 8, 'structural', 'approach-fit'];
  const lines = [
    GENERATED,
    '',
    '# Rules',
    '',
    `The rule checker compares a model with the eight lessons of ${PAPER}, drawing the detail from the same group's related work: ${SOURCES.michigan}; ${SOURCES.tenChallenges}; ${SOURCES.healthFoundation}; ${SOURCES.optimising}.`,
    '',
    'Severity: **error** where the model cannot work as a theory for that lesson, **warning** where a reviewer of the programme would ask about it, **info** for advice. A rule that needs an optional attribute the model leaves unset says so as info rather than passing silently.',
    '',
    'Each rule\'s setting comes from, each overriding the one before: its default severity; the project\'s `toc.config.json`; the model\'s `lint.rules`; `toc lint --rule id=severity`. `off` disables a rule. A suppression in the model\'s `lint.suppressions` (with a reason, and optionally the id of the node or edge it is about) keeps a finding in the report, marked as suppressed, without counting it.',
    '',
  ];
  for (const group of groups) {
    const members = rules.filter((rule) => groupOf(rule) === group);
    if (members.length === 0) continue;
    lines.push(`## ${groupHeading(group)}`, '', groupSummary(group), '', '| Rule | Default severity | Checks that |', '|---|---|---|');
    for (const { meta } of members) lines.push(`| [\`${meta.id}\`](${meta.id}.md) | ${meta.severity} | ${meta.title} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Every file of `docs/rules/`, by file name within that directory: `README.md` and `<id>.md`. */
export function renderRuleDocs(): Map<string, string> {
  const files = new Map<string, string>([['README.md', rulesIndexMarkdown(RULES)]]);
  for (const rule of RULES) files.set(`${rule.meta.id}.md`, ruleDocMarkdown(rule));
  return files;
}
