// fast-check generators of valid models: every node and edge kind, random optional attributes,
// user text with markup, emoji, right-to-left script, bidi overrides, controls and lone surrogates, and
// edges between existing nodes.
import fc from 'fast-check';
import * as V from '../../src/model/vocabulary';
import type { Model, TocEdge, TocNode } from '../../src/model';

const userText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    'Peer review & "feedback"',
    'تحسين الجودة',
    '🏥 Safer wards',
    'a\u200bb',
    '\u202eoverride\u202c',
    'two\nlines\ttab',
    'nul\u0000bell\u0007',
    'lone \ud800 half',
  ),
);
const label = userText.filter((s) => s.length <= 200);
const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

const safeKey = fc.string({ maxLength: 8 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const freeFormData = fc.object({
  key: safeKey,
  maxDepth: 3,
  maxKeys: 3,
  values: [fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)],
  withObjectString: false,
}) as fc.Arbitrary<Record<string, unknown>>;

const NODE_ATTRIBUTES: { [K in V.NodeKind]: Record<string, fc.Arbitrary<unknown>> } = {
  input: { resource: fc.constantFrom(...V.RESOURCES), secured: fc.boolean(), until: date, provider: userText },
  activity: {
    category: fc.constantFrom(...V.ACTIVITY_CATEGORIES),
    strategy: fc.constantFrom(...V.STRATEGIES),
    coreComponent: fc.boolean(),
    customisation: fc.constantFrom(...V.CUSTOMISATIONS),
    frequency: userText,
    evidenceStrength: fc.constantFrom(...V.EVIDENCE_STRENGTHS),
  },
  mechanism: { mechanism: fc.constantFrom(...V.MECHANISMS), direction: fc.constantFrom(...V.DIRECTIONS) },
  output: { unit: userText },
  outcome: { horizon: fc.constantFrom(...V.HORIZONS), domain: fc.constantFrom(...V.OUTCOME_DOMAINS) },
  impact: { timeframe: userText },
  assumption: { status: fc.constantFrom(...V.ASSUMPTION_STATUSES), evidence: userText, testable: fc.boolean() },
  context: { level: fc.constantFrom(...V.CONTEXT_LEVELS), valence: fc.constantFrom(...V.VALENCES), site: fc.constantFrom('s1', 's2') },
  risk: { risk: fc.constantFrom(...V.RISK_TYPES), likelihood: fc.constantFrom(...V.LEVELS_LOW_MEDIUM_HIGH), severity: fc.constantFrom(...V.LEVELS_LOW_MEDIUM_HIGH) },
  stakeholder: {
    role: fc.constantFrom(...V.STAKEHOLDER_ROLES),
    profession: fc.constantFrom(...V.PROFESSIONS),
    site: fc.constantFrom('s1', 's2'),
    atRiskOfMarginalisation: fc.boolean(),
  },
  measure: {
    measureType: fc.constantFrom(...V.MEASURE_TYPES),
    definition: userText,
    dataSource: userText,
    frequency: userText,
    baseline: userText,
    target: userText,
    targetDate: date,
    sharedDefinition: fc.boolean(),
    burden: fc.constantFrom(...V.LEVELS_LOW_MEDIUM_HIGH),
  },
};

const nodeOfKind = (kind: V.NodeKind, index: number) =>
  fc
    .record(
      {
        label,
        description: userText,
        position: fc.record({ x: coordinate, y: coordinate }),
        pinned: fc.boolean(),
        tags: fc.array(userText, { maxLength: 3 }),
        data: freeFormData,
        ...NODE_ATTRIBUTES[kind],
      },
      { requiredKeys: ['label'] },
    )
    .map((fields) => ({ id: `n${index}`, kind, ...fields }) as TocNode);

/** A valid model with up to `maxNodes` nodes of any kinds and edges of any kinds between them. */
export function arbitraryModel(maxNodes = 12): fc.Arbitrary<Model> {
  return fc
    .array(fc.constantFrom(...V.NODE_KINDS), { minLength: 0, maxLength: maxNodes })
    .chain((kinds) => fc.tuple(...kinds.map((kind, i) => nodeOfKind(kind, i))))
    .chain((nodes) => {
      const edges =
        nodes.length === 0
          ? fc.constant([] as TocEdge[])
          : fc.array(
              fc.record({
                kind: fc.constantFrom(...V.EDGE_KINDS),
                source: fc.nat(nodes.length - 1),
                target: fc.nat(nodes.length - 1),
                rationale: fc.option(userText, { nil: undefined }),
              }),
              { maxLength: nodes.length * 2 },
            ).map((specs) =>
              specs.map(({ kind, source, target, rationale }, i) => {
                const edge = { id: `e${i}`, kind, source: nodes[source]!.id, target: nodes[target]!.id } as TocEdge;
                return rationale === undefined ? edge : { ...edge, rationale };
              }),
            );
      return fc.record({ title: label, nodes: fc.constant(nodes), edges }).map(({ title, nodes: n, edges: e }) => ({
        schemaVersion: 1 as const,
        title,
        nodes: n,
        edges: e,
      }));
    });
}
