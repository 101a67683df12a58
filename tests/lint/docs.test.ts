// docs/rules/ is generated from the rule metadata; this fails when it is stale.
// Regenerate with `npm run docs`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint';
import { LESSONS, renderRuleDocs, ruleDocMarkdown, rulesIndexMarkdown } from '../../src/lint/docs';
import { RULE_DOCS_DIR } from './docs-dir';

const STALE = 'docs/rules is stale: run `npm run docs`';

describe('rule documentation', () => {
  const generated = renderRuleDocs();

  it('has a page for every rule and an index', () => {
    expect([...generated.keys()].sort()).toEqual(['README.md', ...RULES.map((r) => `${r.meta.id}.md`)].sort());
  });

  it('matches the files in docs/rules', () => {
    expect(existsSync(RULE_DOCS_DIR), STALE).toBe(true);
    expect(readdirSync(RULE_DOCS_DIR).sort(), STALE).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) expect(readFileSync(path.join(RULE_DOCS_DIR, name), 'utf8'), `${name}: ${STALE}`).toBe(text);
  });

  it('shows the lesson, severity, rationale, fix, examples and what the rule reports', () => {
    for (const rule of RULES) {
      const page = ruleDocMarkdown(rule);
      expect(page).toContain(`\`${rule.meta.id}\``);
      expect(page).toContain(`Default severity: ${rule.meta.severity}`);
      if (rule.meta.lesson !== null) expect(page).toContain(LESSONS[rule.meta.lesson].title);
      expect(page).toContain(rule.meta.rationale);
      expect(page).toContain(rule.meta.fix);
      expect(page.match(/```json/g)).toHaveLength(2);
      expect(page).toMatch(/What the rule reports on it:\n\n- \*\*(error|warning|info)\*\*/);
    }
  });

  it('indexes every rule under its lesson heading', () => {
    const index = rulesIndexMarkdown(RULES);
    for (const lesson of [1, 2, 3, 4, 5, 6, 7, 8] as const) expect(index).toContain(`## Lesson ${lesson}: ${LESSONS[lesson].title}`);
    for (const rule of RULES) expect(index).toContain(`[\`${rule.meta.id}\`](${rule.meta.id}.md)`);
  });
});
