// The fast accept path (ajv) must accept exactly what the zod schemas accept: a file it let through
// that zod would refuse would open when it should not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDGE_SCHEMAS, ModelShell, NODE_SCHEMAS, Node, Edge, type Model } from '../../src/model';
import { fastAccepts } from '../../src/model/fast-validate';
import { arbitraryModel } from '../helpers/arbitraries';
import { INVALID_DIR } from '../helpers/paths';

/** The oracle: the zod schemas, applied as parseModel applies them. */
function zodAccepts(raw: Record<string, unknown>): boolean {
  if (!ModelShell.safeParse(raw).success) return false;
  const check = (items: unknown, schemas: Record<string, { safeParse(v: unknown): { success: boolean } }>, union: { safeParse(v: unknown): { success: boolean } }) =>
    (items as { kind?: string }[]).every((item) => (typeof item?.kind === 'string' && Object.hasOwn(schemas, item.kind) ? schemas[item.kind]! : union).safeParse(item).success);
  return check(raw.nodes, NODE_SCHEMAS, Node) && check(raw.edges, EDGE_SCHEMAS, Edge);
}

type Mutation = (model: Model, pick: number) => void;

/** Small edits that may or may not break the schema, on a node, an edge or the model. */
const MUTATIONS: Mutation[] = [
  (m, i) => m.nodes.length > 0 && Object.assign(m.nodes[i % m.nodes.length]!, { label: '🏥'.repeat(150 + (i % 100)) }),
  (m, i) => m.nodes.length > 0 && Object.assign(m.nodes[i % m.nodes.length]!, { label: 'x'.repeat(195 + (i % 10)) }),
  (m, i) => m.nodes.length > 0 && Object.assign(m.nodes[i % m.nodes.length]!, { label: '' }),
  (m, i) => m.nodes.length > 0 && Object.assign(m.nodes[i % m.nodes.length]!, { horizon: 'short' }),
  (m, i) => m.nodes.length > 0 && Object.assign(m.nodes[i % m.nodes.length]!, { kind: 'widget' }),
  (m, i) => m.nodes.length > 0 && Object.assign(m.nodes[i % m.nodes.length]!, { position: { x: i % 2 ? 1e9 : 5, y: 0 } }),
  (m, i) => m.nodes.length > 0 && Object.assign(m.nodes[i % m.nodes.length]!, { id: i % 2 ? 'bad id' : 'good-id' }),
  (m, i) => m.nodes.length > 0 && Object.assign(m.nodes[i % m.nodes.length]!, { until: i % 2 ? '2026-02-29' : '2028-02-29' }),
  (m, i) => m.nodes.length > 0 && Object.assign(m.nodes[i % m.nodes.length]!, { tags: i % 2 ? ['a', 3] : ['a'] }),
  (m, i) => m.edges.length > 0 && Object.assign(m.edges[i % m.edges.length]!, { confidence: i % 2 ? 'certain' : 'high' }),
  (m, i) => m.edges.length > 0 && Object.assign(m.edges[i % m.edges.length]!, { label: i % 2 ? 5 : 'ok' }),
  (m) => Object.assign(m, { title: '🏥'.repeat(201) }),
  (m) => Object.assign(m, { review: { intervalMonths: 2.5 } }),
  (m) => Object.assign(m, { meta: { created: '2026-01-01T09:00:00' } }),
  (m) => Object.assign(m, { lint: { suppressions: [{ rule: 'x', reason: ' ' }] } }),
  (m) => Object.assign(m, { extra: true }),
];

describe('the fast accept path', () => {
  it('agrees with zod on random models and random edits of them', () => {
    fc.assert(
      fc.property(arbitraryModel(8), fc.array(fc.tuple(fc.nat(MUTATIONS.length - 1), fc.nat(1000)), { maxLength: 3 }), (model, edits) => {
        const raw = structuredClone(model);
        for (const [which, pick] of edits) MUTATIONS[which]!(raw, pick);
        const value = raw as unknown as Record<string, unknown>;
        expect(fastAccepts(value)).toBe(zodAccepts(value));
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('refuses every invalid fixture the schema refuses', () => {
    for (const file of readdirSync(INVALID_DIR).filter((f) => f.endsWith('.toc.json'))) {
      let raw: unknown;
      try {
        raw = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(path.join(INVALID_DIR, file))));
      } catch {
        continue;
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
      const value = raw as Record<string, unknown>;
      expect(fastAccepts(value), file).toBe(zodAccepts(value));
    }
  });
});
