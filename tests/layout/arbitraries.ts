// Theory-of-change-shaped models for the layout's properties: mostly links the spec allows (so there
// are plenty of causal chains to check), some it does not, outcomes with and without a horizon,
// labels from one word to several wrapped lines, and now and then a pinned node.
import fc from 'fast-check';
import { edgeKindsBetween, type Model, type TocEdge, type TocNode } from '../../src/model';

const KIND_WEIGHTS: [TocNode['kind'], number][] = [
  ['input', 2],
  ['activity', 4],
  ['mechanism', 3],
  ['output', 2],
  ['outcome', 5],
  ['impact', 1],
  ['measure', 2],
  ['assumption', 1],
  ['stakeholder', 2],
  ['context', 1],
  ['risk', 1],
];

const kind = fc.oneof(...KIND_WEIGHTS.map(([k, weight]) => ({ arbitrary: fc.constant(k), weight })));
const label = fc.oneof(
  fc.constantFrom('Aim', 'Peer learning calls', 'Teams use the checklist reliably on every shift'),
  fc.lorem({ maxCount: 25 }).filter((s) => s.length > 0 && s.length <= 200),
);
const node = (id: string) =>
  fc
    .record({
      kind,
      label,
      horizon: fc.option(fc.constantFrom('short', 'medium', 'long' as const), { nil: undefined, freq: 3 }),
      pin: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 15 },
        { arbitrary: fc.record({ x: fc.integer({ min: -2000, max: 6000 }), y: fc.integer({ min: -2000, max: 6000 }) }), weight: 1 },
      ),
    })
    .map(({ kind: k, label: l, horizon, pin }) => {
      const n: Record<string, unknown> = { id, kind: k, label: l };
      if (k === 'outcome' && horizon) n.horizon = horizon;
      if (pin) Object.assign(n, { position: pin, pinned: true });
      return n as TocNode;
    });

export function arbitraryProgramme(maxNodes = 30): fc.Arbitrary<Model> {
  return fc
    .integer({ min: 1, max: maxNodes })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => node(`n${i}`))))
    .chain((nodes) =>
      fc
        .array(
          fc.record({ source: fc.nat(nodes.length - 1), target: fc.nat(), pick: fc.nat(), odd: fc.integer({ min: 0, max: 19 }) }),
          { minLength: nodes.length, maxLength: nodes.length * 3 },
        )
        .map((specs) => {
          const edges: TocEdge[] = [];
          for (const { source, target, pick, odd } of specs) {
            const a = nodes[source]!;
            // One link in twenty ignores the spec's table (it loads; the layout must cope).
            if (odd === 0) {
              const b = nodes[target % nodes.length]!;
              edges.push({ id: `e${edges.length}`, kind: (['leads-to', 'owns', 'measures'] as const)[pick % 3]!, source: a.id, target: b.id } as TocEdge);
              continue;
            }
            const candidates = nodes.filter((b) => b !== a && edgeKindsBetween(a.kind, b.kind).length > 0);
            if (candidates.length === 0) continue;
            const b = candidates[target % candidates.length]!;
            const kinds = edgeKindsBetween(a.kind, b.kind);
            edges.push({ id: `e${edges.length}`, kind: kinds[pick % kinds.length]!, source: a.id, target: b.id } as TocEdge);
          }
          return { schemaVersion: 1 as const, title: 'Generated', nodes, edges };
        }),
    );
}


