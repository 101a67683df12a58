import { describe, expect, it } from 'vitest';
import { LIMITS, parseModel, decodeModelBytes, type Model } from '../../src/model';

const minimal: Model = { schemaVersion: 1, title: 'Minimal', nodes: [], edges: [] };
const text = (value: unknown) => JSON.stringify(value);

describe('parseModel', () => {
  it('accepts a minimal model and an empty graph', () => {
    const result = parseModel(text(minimal));
    expect(result).toEqual({ ok: true, model: minimal });
  });

  it('accepts every attribute of every kind', () => {
    const model: Model = {
      ...minimal,
      nodes: [
        { id: 'i', kind: 'input', label: 'Grant', resource: 'funding', secured: true, until: '2027-03-31', provider: 'Funder' },
        { id: 'a', kind: 'activity', label: 'Huddles', category: 'convening', strategy: 'soft', coreComponent: true, customisation: 'adaptable', frequency: 'monthly', evidenceStrength: 'high' },
        { id: 'm', kind: 'mechanism', label: 'Peer norms', mechanism: 'peer-norming', direction: 'horizontal' },
        { id: 'o', kind: 'output', label: 'Meetings held', unit: 'meetings' },
        { id: 'oc', kind: 'outcome', label: 'Fewer infections', horizon: 'medium', domain: 'clinical' },
        { id: 'im', kind: 'impact', label: 'Safer care', timeframe: '5 years' },
        { id: 'as', kind: 'assumption', label: 'Staff attend', status: 'supported', evidence: 'pilot', testable: true },
        { id: 'c', kind: 'context', label: 'Busy wards', level: 'unit', valence: 'barrier', site: 's1' },
        { id: 'r', kind: 'risk', label: 'Fatigue', risk: 'disengagement', likelihood: 'medium', severity: 'high' },
        { id: 's', kind: 'stakeholder', label: 'Nurses', role: 'site-team', profession: 'nursing', site: 's1', atRiskOfMarginalisation: true },
        { id: 'me', kind: 'measure', label: 'CLABSI rate', measureType: 'outcome', definition: 'per 1000 line days', dataSource: 'surveillance', frequency: 'monthly', baseline: '2.7', target: '0', targetDate: '2027-12-31', sharedDefinition: true, burden: 'low' },
      ],
      edges: [
        { id: 'e1', kind: 'leads-to', source: 'a', target: 'oc', confidence: 'high', rationale: 'why', evidence: 'study' },
        { id: 'e2', kind: 'underpins', source: 'as', target: 'oc', edge: 'e1' },
        { id: 'e3', kind: 'feeds-back', source: 'me', target: 's', format: 'run-chart', frequency: 'monthly' },
        { id: 'e4', kind: 'participates-in', source: 's', target: 'a', as: 'co-designer' },
        { id: 'e5', kind: 'influences', source: 'c', target: 'a', effect: 'weakens' },
      ],
      community: { approach: 'clinical-community', problemType: 'evidence-practice-gap', membership: 'ICUs', sites: [{ id: 's1', name: 'North', readiness: 'high', baselineAssessed: true }] },
      review: { lastReviewed: '2026-01-01', intervalMonths: 6 },
      meta: { authors: ['A'], created: '2026-01-01T09:00:00Z', updated: '2026-01-02T09:00:00+01:00', tags: ['icu'] },
      lint: { rules: { 'any-rule': 'off' }, suppressions: [{ rule: 'x', target: 'a', reason: 'because' }] },
      view: { direction: 'LR' },
      data: { anything: [1, { nested: true }] },
    };
    const result = parseModel(text(model));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('reports every problem at once, in file order, with line and column', () => {
    const result = parseModel(
      [
        '{',
        '  "schemaVersion": 1,',
        '  "nodes": [',
        '    {"id": "a", "kind": "widget", "label": "x"},',
        '    {"id": "a", "kind": "input", "label": "y", "resource": "money"}',
        '  ],',
        '  "edges": [{"id": "e", "kind": "enables", "source": "a", "target": "ghost"}]',
        '}',
      ].join('\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.line, p.column])).toEqual([
      ['title', 1, 1],
      ['nodes[0].kind', 4, 17],
      ['nodes[1].id', 5, 6],
      ['nodes[1].resource', 5, 48],
      ['edges[0].target', 7, 59],
    ]);
  });

  it('never lets a file change a prototype', () => {
    const hostile = '{"schemaVersion":1,"title":"T","nodes":[{"id":"a","kind":"input","label":"x","data":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}],"edges":[],"data":{"__proto__":{"isAdmin":true}}}';
    const result = parseModel(hostile);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['nodes[0].data.__proto__', 'nodes[0].data.constructor', 'data.__proto__']);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a file over the size limit before parsing it', () => {
    const huge = ' '.repeat(LIMITS.maxFileBytes + 1);
    const result = parseModel(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/opens models up to 64\.0 MiB/);
    const decoded = decodeModelBytes(new Uint8Array(LIMITS.maxFileBytes + 1));
    expect(decoded.ok).toBe(false);
  });

  it('survives nesting far deeper than the limit without overflowing the stack', () => {
    const depth = 100_000;
    const result = parseModel(`{"schemaVersion":1,"title":"T","nodes":[],"edges":[],"data":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.message).toMatch(/nested more than 64 levels/);
    }
  });

  it('decodes UTF-8 strictly and keeps right-to-left and emoji text intact', () => {
    const label = 'تحسين الجودة 🏥 qualité';
    const bytes = new TextEncoder().encode(text({ ...minimal, nodes: [{ id: 'a', kind: 'impact', label }] }));
    const decoded = decodeModelBytes(bytes);
    expect(decoded.ok).toBe(true);
    const result = decoded.ok ? parseModel(decoded.text) : undefined;
    expect(result?.ok && result.model.nodes[0]!.label).toBe(label);
  });
});
