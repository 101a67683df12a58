import { describe, expect, it } from 'vitest';
import { GraphIndex, type Model } from '../../src/model';

const model: Model = {
  schemaVersion: 1,
  title: 'Graph',
  nodes: [
    { id: 'in', kind: 'input', label: 'Funding' },
    { id: 'a', kind: 'activity', label: 'Huddles' },
    { id: 'm', kind: 'mechanism', label: 'Peer norms' },
    { id: 'o', kind: 'outcome', label: 'Better practice' },
    { id: 'aim', kind: 'impact', label: 'Safer care' },
    { id: 'me', kind: 'measure', label: 'Rate' },
  ],
  edges: [
    { id: 'e0', kind: 'enables', source: 'in', target: 'a' },
    { id: 'e1', kind: 'leads-to', source: 'a', target: 'm' },
    { id: 'e2', kind: 'leads-to', source: 'm', target: 'o' },
    { id: 'e3', kind: 'leads-to', source: 'o', target: 'aim' },
    { id: 'e4', kind: 'measures', source: 'me', target: 'o' },
    { id: 'e5', kind: 'feeds-back', source: 'me', target: 'a' },
  ],
};

describe('GraphIndex', () => {
  const graph = new GraphIndex(model);

  it('indexes nodes, edges and kinds by id', () => {
    expect(graph.node('m')?.label).toBe('Peer norms');
    expect(graph.edge('e4')?.kind).toBe('measures');
    expect(graph.nodesOfKind('activity').map((n) => n.id)).toEqual(['a']);
    expect(graph.nodesOfKind('risk')).toEqual([]);
  });

  it('gives neighbours by edge kind in both directions', () => {
    expect(graph.out('me').map((e) => e.id).sort()).toEqual(['e4', 'e5']);
    expect(graph.out('me', 'measures').map((e) => e.id)).toEqual(['e4']);
    expect(graph.in('o').map((e) => e.id).sort()).toEqual(['e2', 'e4']);
    expect(graph.successors('a', 'leads-to').map((n) => n.id)).toEqual(['m']);
    expect(graph.predecessors('a').map((n) => n.id).sort()).toEqual(['in', 'me']);
    expect(graph.degree('a')).toBe(3);
  });

  it('follows reachability along chosen edge kinds only', () => {
    expect([...graph.reachable(['a'], ['leads-to'])]).toEqual(['a', 'm', 'o', 'aim']);
    expect([...graph.reachable(['aim'], ['leads-to'], 'backward')]).toEqual(['aim', 'o', 'm', 'a']);
    // feeds-back is a loop by design, and is not followed unless asked for.
    expect(graph.reachable(['me'], ['leads-to']).size).toBe(1);
    expect(graph.reachable(['me'], ['feeds-back', 'leads-to']).has('aim')).toBe(true);
  });

  it('is linear: a 200,000-edge chain is indexed and traversed without recursion', () => {
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'outcome' as const, label: `Outcome ${i}` }));
    const edges = Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, kind: 'leads-to' as const, source: `n${i}`, target: `n${i + 1}` }));
    const big = new GraphIndex({ nodes, edges });
    expect(big.reachable(['n0'], ['leads-to']).size).toBe(n);
  });
});
