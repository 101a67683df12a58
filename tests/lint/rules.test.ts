// Every rule's failing example is flagged by that rule and its passing example is not: the same
// examples the rule documentation shows. Iterating over RULES covers a new rule automatically.
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../src/model';
import { EXAMPLE_TODAY } from '../../src/lint/example';
import { lint, RULES } from '../../src/lint';

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Rules whose whole purpose is to ask for an attribute, so their findings are all of that kind. */
const ATTRIBUTE_RULES = new Set(['activity-strategy-set']);

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('rule %s', (id, rule) => {
  const findingsOf = (model: typeof rule.meta.failing.model) => lint(model, { today: EXAMPLE_TODAY }).filter((f) => f.rule === id);

  it('has complete metadata', () => {
    expect(id).toMatch(KEBAB);
    expect(rule.meta.title.length).toBeGreaterThan(0);
    expect(rule.meta.fix.length).toBeGreaterThan(0);
    expect(rule.meta.failing.description.length).toBeGreaterThan(0);
    expect(rule.meta.passing.description.length).toBeGreaterThan(0);
    if (rule.meta.lesson !== null) expect(rule.meta.rationale).toContain(`Lesson ${rule.meta.lesson} of Aveling et al. (2012)`);
  });

  it('has example models that are valid files', () => {
    for (const example of [rule.meta.failing, rule.meta.passing]) {
      const parsed = parseModel(JSON.stringify(example.model));
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    }
  });

  it('flags its failing example, with a real finding rather than a missing attribute', () => {
    const findings = findingsOf(rule.meta.failing.model);
    expect(findings.length).toBeGreaterThan(0);
    if (!ATTRIBUTE_RULES.has(id)) expect(findings.some((f) => !/cannot be fully checked/.test(f.message))).toBe(true);
    for (const finding of findings) {
      expect(finding.lesson).toBe(rule.meta.lesson);
      expect(finding.fix).toMatch(/\.$/);
    }
  });

  it('passes its passing example', () => {
    expect(findingsOf(rule.meta.passing.model)).toEqual([]);
  });
});

describe('the rule list', () => {
  it('has unique ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has at least three rules for every lesson', () => {
    for (let lesson = 1; lesson <= 8; lesson++) {
      expect(RULES.filter((r) => r.meta.lesson === lesson).length, `lesson ${lesson}`).toBeGreaterThanOrEqual(3);
    }
  });
});
