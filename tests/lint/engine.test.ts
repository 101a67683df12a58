// The engine: configuration layers, suppressions, the model's own settings, missing attributes,
// determinism and robustness on half-drawn, odd and very large models.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDGE_ENDPOINTS, EDGE_KINDS, NODE_KINDS, type Model, type TocEdge, type TocNode } from '../../src/model';
import { effectiveSeverity, lint, RULES, ruleById, unknownRuleIds, type Finding, type LintOptions } from '../../src/lint';
import { exampleModel, node } from '../../src/lint/example';
import { generateModel } from '../../bench/generate';
import { arbitraryModel } from '../helpers/arbitraries';
import { goodModel, TODAY } from './fixtures/good-model';

const TITLE = 'Engine test';
const lintAt = (model: Model, options: LintOptions = {}) => lint(model, { today: TODAY, ...options });
const ofRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

/** Two unowned activities, otherwise little: a convenient source of `activity-owned` findings. */
const unowned = (lintSettings?: Model['lint']): Model =>
  exampleModel(TITLE, [node('activity', 'a1', 'Monthly huddles'), node('activity', 'a2', 'Quarterly webinars')], [], lintSettings ? { lint: lintSettings } : {});

describe('configuration layers', () => {
  it('uses the default severity when nothing is configured', () => {
    expect(ofRule(lintAt(unowned()), 'activity-owned').map((f) => f.severity)).toEqual(['warning', 'warning']);
  });

  it('lets the project override the default, the model the project, and the command line the model', () => {
    const severityWith = (model: Model, options: LintOptions) => ofRule(lintAt(model, options), 'activity-owned')[0]?.severity;
    expect(severityWith(unowned(), { projectRules: { 'activity-owned': 'error' } })).toBe('error');
    const modelSays = unowned({ rules: { 'activity-owned': 'info' } });
    expect(severityWith(modelSays, { projectRules: { 'activity-owned': 'error' } })).toBe('info');
    expect(severityWith(modelSays, { projectRules: { 'activity-owned': 'error' }, overrideRules: { 'activity-owned': 'warning' } })).toBe('warning');
    expect(effectiveSeverity('activity-owned', modelSays, { projectRules: { 'activity-owned': 'error' } })).toBe('info');
    expect(effectiveSeverity(ruleById('activity-owned')!, { lint: undefined })).toBe('warning');
  });

  it("turns a rule off with 'off' at any layer, and back on above it", () => {
    expect(ofRule(lintAt(unowned(), { projectRules: { 'activity-owned': 'off' } }), 'activity-owned')).toEqual([]);
    expect(ofRule(lintAt(unowned({ rules: { 'activity-owned': 'off' } })), 'activity-owned')).toEqual([]);
    expect(ofRule(lintAt(unowned({ rules: { 'activity-owned': 'error' } }), { overrideRules: { 'activity-owned': 'off' } }), 'activity-owned')).toEqual([]);
    expect(ofRule(lintAt(unowned({ rules: { 'activity-owned': 'off' } }), { overrideRules: { 'activity-owned': 'error' } }), 'activity-owned')).toHaveLength(2);
  });

  it('treats a report severity as a cap below the configured one, never above it', () => {
    const model = exampleModel(TITLE, [node('outcome', 'o-short', 'Checks done', { horizon: 'short' }), node('outcome', 'o-long', 'Culture changed', { horizon: 'long' })]);
    const severities = (options: LintOptions) => ofRule(lintAt(model, options), 'outcomes-measured').map((f) => `${f.nodeId}:${f.severity}`);
    expect(severities({})).toEqual(['o-short:error', 'o-long:warning']);
    expect(severities({ overrideRules: { 'outcomes-measured': 'warning' } })).toEqual(['o-short:warning', 'o-long:warning']);
    expect(severities({ overrideRules: { 'outcomes-measured': 'info' } })).toEqual(['o-short:info', 'o-long:info']);
  });

  it('names unknown rule ids in any settings object', () => {
    expect(unknownRuleIds({ 'activity-owned': 'error', 'no-such-rule': 'off', constructor: 'warning' })).toEqual(['no-such-rule', 'constructor']);
    expect(effectiveSeverity('no-such-rule', { lint: undefined })).toBe('off');
  });
});

describe("the model's own lint settings", () => {
  it('reports unknown rule ids, suggesting the rule that was probably meant', () => {
    const findings = ofRule(lintAt(unowned({ rules: { 'activity-owner': 'off' } })), 'lint-config-valid');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ lesson: null, severity: 'warning' });
    expect(findings[0]!.message).toContain('"activity-owner"');
    expect(findings[0]!.message).toContain('did you mean "activity-owned"');
  });

  it('reports suppressions of unknown rules and suppressions whose target is no node or edge', () => {
    const model = unowned({
      suppressions: [
        { rule: 'no-such-rule', reason: 'because' },
        { rule: 'activity-owned', target: 'a9', reason: 'owned elsewhere' },
      ],
    });
    const messages = ofRule(lintAt(model), 'lint-config-valid').map((f) => f.message);
    expect(messages).toHaveLength(2);
    expect(messages.some((m) => m.includes('"no-such-rule"'))).toBe(true);
    expect(messages.some((m) => m.includes('"a9"') && m.includes('no node or edge'))).toBe(true);
  });
});

describe('suppressions', () => {
  it('marks the findings a targeted suppression covers, with its reason, and keeps them in the output', () => {
    const findings = ofRule(lintAt(unowned({ suppressions: [{ rule: 'activity-owned', target: 'a2', reason: 'owned by the host trust' }] })), 'activity-owned');
    expect(findings.map((f) => [f.nodeId, f.suppressed])).toEqual([
      ['a1', undefined],
      ['a2', { reason: 'owned by the host trust' }],
    ]);
  });

  it('covers every finding of the rule when it has no target, and no other rule', () => {
    const findings = lintAt(unowned({ suppressions: [{ rule: 'activity-owned', reason: 'ownership is agreed outside the model' }] }));
    expect(ofRule(findings, 'activity-owned').every((f) => f.suppressed?.reason === 'ownership is agreed outside the model')).toBe(true);
    expect(findings.filter((f) => f.rule !== 'activity-owned').every((f) => f.suppressed === undefined)).toBe(true);
  });

  it('matches a suppression targeted at an edge', () => {
    const model = exampleModel(TITLE, [node('input', 'in', 'Funding'), node('outcome', 'o', 'Better care')], [['leads-to', 'in', 'o']], {
      lint: { suppressions: [{ rule: 'edge-endpoints', target: 'e1', reason: 'drawing in progress' }] },
    });
    expect(ofRule(lintAt(model), 'edge-endpoints').map((f) => f.suppressed)).toEqual([{ reason: 'drawing in progress' }]);
  });

  it('reports a suppression that matches no finding, unless its rule is off', () => {
    const owned = exampleModel(TITLE, [node('stakeholder', 's', 'Core team', { role: 'core-team' }), node('activity', 'a1', 'Monthly huddles')], [['owns', 's', 'a1']], {
      lint: { suppressions: [{ rule: 'activity-owned', target: 'a1', reason: 'was unowned' }] },
    });
    const stale = ofRule(lintAt(owned), 'lint-config-valid');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ severity: 'info', nodeId: 'a1' });
    expect(stale[0]!.message).toContain('matches no finding');
    expect(ofRule(lintAt(owned, { overrideRules: { 'activity-owned': 'off' } }), 'lint-config-valid')).toEqual([]);
  });
});

describe('missing attributes', () => {
  it('asks once per node and attribute, naming every lesson that needed it', () => {
    const model = exampleModel(TITLE, [
      node('activity', 'a', 'Huddles'),
      node('outcome', 'o1', 'Checks done', { horizon: 'short' }),
      node('outcome', 'o2', 'Culture changed'),
    ], [['leads-to', 'a', 'o2']]);
    const asks = lintAt(model).filter((f) => f.message.includes('has no horizon set'));
    expect(asks).toHaveLength(1);
    expect(asks[0]).toMatchObject({ severity: 'info', nodeId: 'o2' });
    expect(asks[0]!.message).toBe('Outcome "Culture changed" has no horizon set, so lessons 2 and 6 cannot be fully checked');
  });

  it('asks once for the whole model when no node of the kind has the attribute', () => {
    const model = exampleModel(TITLE, [node('outcome', 'o1', 'Checks done'), node('outcome', 'o2', 'Culture changed'), node('outcome', 'o3', 'Fewer falls')]);
    const asks = lintAt(model).filter((f) => f.message.includes('horizon set'));
    expect(asks).toHaveLength(1);
    expect(asks[0]!.nodeId).toBeUndefined();
    expect(asks[0]!.message).toBe('No outcome has a horizon set (3 outcomes), so lessons 2 and 6 cannot be fully checked');
  });

  it('asks instead of passing or failing when the attribute decides the rule', () => {
    const model = exampleModel(TITLE, [node('stakeholder', 's', 'Ward nurses')]);
    const findings = lintAt(model);
    expect(ofRule(findings, 'leadership-present').map((f) => f.message)).toEqual(['Stakeholder "Ward nurses" has no role set, so lesson 1 cannot be fully checked']);
  });
});

/** A deterministic shuffle (mulberry32), so a failure can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const identity = (f: Finding) => `${f.rule}|${f.severity}|${f.nodeId ?? ''}|${f.edgeId ?? ''}`;

function brokenModel(): Model {
  const model = goodModel();
  return {
    ...model,
    problem: undefined,
    nodes: [...model.nodes, node('activity', 'a-extra', 'Quarterly webinars'), node('outcome', 'o-extra', 'Hold more meetings')],
    edges: [...model.edges.filter((e) => e.kind !== 'feeds-back'), { id: 'e-loop', kind: 'leads-to', source: 'o-sustain', target: 'o-checks' } as TocEdge],
  };
}

describe('determinism', () => {
  it('gives the same findings, in the same order, every time', () => {
    for (const model of [goodModel(), brokenModel(), generateModel(2_000)]) expect(lintAt(model)).toEqual(lintAt(model));
  });

  it('finds the same things whatever the order of nodes and edges in the file', () => {
    const model = brokenModel();
    const expected = lintAt(model).map(identity).sort();
    for (const seed of [1, 2, 3]) {
      const reordered = { ...model, nodes: shuffled(model.nodes, seed), edges: shuffled(model.edges, seed + 100) };
      expect(lintAt(reordered).map(identity).sort()).toEqual(expected);
    }
  });

  it('orders findings by lesson (structural first), rule, position in the file, message', () => {
    const findings = lintAt(brokenModel());
    const positions = new Map<string, number>(brokenModel().nodes.map((n, i) => [n.id, i]));
    const key = (f: Finding) => [f.lesson ?? 0, f.rule, f.nodeId === undefined ? -1 : positions.get(f.nodeId)!] as const;
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [key(findings[i - 1]!), key(findings[i]!)];
      const ordered = a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])));
      expect(ordered, `${identity(findings[i - 1]!)} before ${identity(findings[i]!)}`).toBe(true);
    }
  });
});

describe('robustness', () => {
  const ruleIds = new Set(RULES.map((r) => r.meta.id));
  const wellFormed = (findings: Finding[]) => {
    for (const f of findings) {
      expect(ruleIds.has(f.rule)).toBe(true);
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.fix.length).toBeGreaterThan(0);
    }
  };

  it('lints an empty model', () => {
    const findings = lintAt(exampleModel(TITLE, []));
    wellFormed(findings);
    expect(ofRule(findings, 'impact-present')).toHaveLength(1);
  });

  it.each(NODE_KINDS)('lints a model of a single %s', (kind) => {
    const findings = lintAt(exampleModel(TITLE, [node(kind, 'only', `A lone ${kind}`)]));
    wellFormed(findings);
    expect(ofRule(findings, 'node-connected').map((f) => f.nodeId)).toEqual(['only']);
  });

  it('flags exactly the edges joining kinds their kind does not allow, and nothing breaks on them', () => {
    for (const edgeKind of EDGE_KINDS) {
      const nodes: TocNode[] = NODE_KINDS.map((kind) => node(kind, `n-${kind}`, `The ${kind}`));
      const edges = NODE_KINDS.flatMap((from) => NODE_KINDS.map((to) => ({ id: `e-${from}-${to}`, kind: edgeKind, source: `n-${from}`, target: `n-${to}` }) as TocEdge));
      const findings = lintAt({ schemaVersion: 1, title: TITLE, nodes, edges });
      wellFormed(findings);
      const flagged = new Set(ofRule(findings, 'edge-endpoints').map((f) => f.edgeId));
      for (const edge of edges) {
        const from = edge.source.slice(2) as TocNode['kind'];
        const to = edge.target.slice(2) as TocNode['kind'];
        const allowed = EDGE_ENDPOINTS[edgeKind].from.includes(from) && EDGE_ENDPOINTS[edgeKind].to.includes(to);
        expect(flagged.has(edge.id), `${edge.id}`).toBe(!allowed);
      }
    }
  });

  it('reports each leads-to cycle once, and self-loops separately', () => {
    const model = exampleModel(
      TITLE,
      ['a', 'b', 'c', 'd', 'x'].map((id) => node('outcome', id, `Outcome ${id.toUpperCase()}`)),
      [
        ['leads-to', 'a', 'b'],
        ['leads-to', 'b', 'c'],
        ['leads-to', 'c', 'a'],
        ['leads-to', 'c', 'd'],
        ['leads-to', 'd', 'b'],
        ['leads-to', 'x', 'x'],
      ],
    );
    const findings = lintAt(model);
    const cycles = ofRule(findings, 'leads-to-cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatchObject({ nodeId: 'a', edgeId: 'e3' });
    expect(cycles[0]!.message).toBe('Leads-to links form a cycle: "Outcome A" → "Outcome B" → "Outcome C" → "Outcome A"; 4 nodes in all lead to each other here');
    expect(ofRule(findings, 'self-loop').map((f) => f.edgeId)).toEqual(['e6']);
  });

  it('lints random valid models without throwing, deterministically and in order', () => {
    fc.assert(
      fc.property(arbitraryModel(), (model) => {
        const findings = lintAt(model);
        wellFormed(findings);
        expect(lintAt(model)).toEqual(findings);
      }),
      { numRuns: 200 },
    );
  });

  it('lints a 100,000-node chain and a 100,000-node cycle without overflowing the stack', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => node('outcome', `n${i}`, `Outcome ${i}`, { horizon: 'short' }));
    const chain: TocEdge[] = Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, kind: 'leads-to', source: `n${i}`, target: `n${i + 1}` }));
    expect(ofRule(lintAt({ schemaVersion: 1, title: TITLE, nodes, edges: chain }), 'leads-to-cycle')).toEqual([]);
    const cycle = [...chain, { id: 'back', kind: 'leads-to', source: `n${n - 1}`, target: 'n0' } as TocEdge];
    const found = ofRule(lintAt({ schemaVersion: 1, title: TITLE, nodes, edges: cycle }), 'leads-to-cycle');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ nodeId: 'n0', edgeId: 'back' });
  });

  it('stays near-linear: a generated 10,000-node model lints well within a second', () => {
    const model = generateModel(10_000);
    lintAt(model);
    const start = performance.now();
    lintAt(model);
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
