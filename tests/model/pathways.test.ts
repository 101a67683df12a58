import { describe, expect, it } from 'vitest';
import { GraphIndex, type Model, type TocEdge, type TocNode } from '../../src/model';
import { aroundMarked, causalSpine, collapse, induced, pathway } from '../../src/model/pathways';

const n = (id: string, kind: TocNode['kind']) => ({ id, kind, label: id }) as TocNode;
const e = (id: string, kind: TocEdge['kind'], source: string, target: string) => ({ id, kind, source, target }) as TocEdge;

// Two pathways into one aim, with satellites, a cycle between m2 and o2, and an isolated node.
//   in1 -enables-> a1 -> m1 -> o1 -> aim
//   in2 -enables-> a2 -> m2 <-> o2 -> aim
const model: Model = {
  schemaVersion: 1,
  title: 'Pathways',
  nodes: [
    n('in1', 'input'), n('a1', 'activity'), n('m1', 'mechanism'), n('o1', 'outcome'), n('aim', 'impact'),
    n('in2', 'input'), n('a2', 'activity'), n('m2', 'mechanism'), n('o2', 'outcome'),
    n('me1', 'measure'), n('as1', 'assumption'), n('st', 'stakeholder'), n('boss', 'stakeholder'), n('r2', 'risk'),
    n('lonely', 'output'),
  ],
  edges: [
    e('e1', 'enables', 'in1', 'a1'), e('e2', 'leads-to', 'a1', 'm1'), e('e3', 'leads-to', 'm1', 'o1'), e('e4', 'leads-to', 'o1', 'aim'),
    e('e5', 'enables', 'in2', 'a2'), e('e6', 'leads-to', 'a2', 'm2'), e('e7', 'leads-to', 'm2', 'o2'), e('e8', 'leads-to', 'o2', 'm2'),
    e('e9', 'leads-to', 'o2', 'aim'),
    e('s1', 'measures', 'me1', 'o1'), e('s2', 'underpins', 'as1', 'm1'), e('s3', 'owns', 'st', 'a1'), e('s4', 'owns', 'st', 'a2'),
    e('s5', 'reports-to', 'st', 'boss'), e('s6', 'threatens', 'r2', 'm2'), e('s7', 'mitigates', 'a2', 'r2'),
  ],
};
const graph = new GraphIndex(model);
const sorted = (set: Iterable<string>) => [...set].sort();

describe('pathway', () => {
  it('is everything upstream and downstream of a node along leads-to and enables', () => {
    const path = pathway(graph, ['m1']);
    expect(sorted(path.nodes)).toEqual(['a1', 'aim', 'in1', 'm1', 'o1']);
    expect(sorted(path.edges)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('keeps the satellites one step out, as secondary, without following them further', () => {
    const path = pathway(graph, ['m1']);
    expect(sorted(path.satellites.nodes)).toEqual(['as1', 'me1', 'st']);
    expect(sorted(path.satellites.edges)).toEqual(['s1', 's2', 's3']);
    // The stakeholder also owns a2, and reports to boss: neither is pulled in.
    expect(path.nodes.has('a2')).toBe(false);
    expect(path.satellites.nodes.has('boss')).toBe(false);
  });

  it('leaves out links that bypass the node (upstream to downstream) and other pathways into the aim', () => {
    const shortcut: Model = { ...model, edges: [...model.edges, e('bypass', 'leads-to', 'a1', 'o1')] };
    const path = pathway(new GraphIndex(shortcut), ['m1']);
    expect(path.edges.has('bypass')).toBe(false);
    expect(path.nodes.has('o2')).toBe(false); // o2 also leads to the aim, but is not downstream of m1
    // From the aim, every pathway is upstream, bypass included.
    expect(pathway(new GraphIndex(shortcut), ['aim']).edges.has('bypass')).toBe(true);
  });

  it('terminates on a cycle and includes both of its links', () => {
    const path = pathway(graph, ['o2']);
    expect(sorted(path.nodes)).toEqual(['a2', 'aim', 'in2', 'm2', 'o2']);
    expect(sorted(path.edges)).toEqual(['e5', 'e6', 'e7', 'e8', 'e9']);
    expect(sorted(path.satellites.nodes)).toEqual(['r2', 'st']);
  });

  it('is the node alone when it is isolated, and empty for an unknown id', () => {
    const lonely = pathway(graph, ['lonely']);
    expect(sorted(lonely.nodes)).toEqual(['lonely']);
    expect(lonely.edges.size + lonely.satellites.nodes.size).toBe(0);
    expect(pathway(graph, ['nope']).nodes.size).toBe(0);
  });

  it('from a satellite covers only the satellite (it has no causal links)', () => {
    expect(sorted(pathway(graph, ['me1']).nodes)).toEqual(['me1']);
  });

  it('from several nodes is the union of their pathways', () => {
    expect(sorted(pathway(graph, ['a1', 'a2']).nodes)).toEqual(['a1', 'a2', 'aim', 'in1', 'in2', 'm1', 'm2', 'o1', 'o2']);
  });
});

describe('causal spine and filters', () => {
  it('the spine is the spine-kind nodes and only the causal links between them', () => {
    const spine = causalSpine(graph);
    expect(sorted(spine.nodes)).toEqual(['a1', 'a2', 'aim', 'in1', 'in2', 'lonely', 'm1', 'm2', 'o1', 'o2']);
    expect(sorted(spine.edges)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9']);
    // mitigates joins an activity to a risk: the risk is out, so is the link.
    expect(spine.edges.has('s7')).toBe(false);
  });

  it('a kind filter keeps the nodes of those kinds and the links between them, of any kind', () => {
    const people = induced(graph, (node) => node.kind === 'stakeholder' || node.kind === 'activity');
    expect(sorted(people.nodes)).toEqual(['a1', 'a2', 'boss', 'st']);
    expect(sorted(people.edges)).toEqual(['s3', 's4', 's5']);
  });

  it('marked nodes and links come with the ends of the links and the links among them', () => {
    const marked = aroundMarked(graph, new Set(['o1', 'unknown']), new Set(['e2']));
    expect(sorted(marked.nodes)).toEqual(['a1', 'm1', 'o1']);
    expect(sorted(marked.edges)).toEqual(['e2', 'e3']);
  });
});

describe('collapse', () => {
  it('hides links inside a group and merges links to and from the outside, with counts', () => {
    const result = collapse(graph, [{ id: 'g', members: ['a1', 'm1', 'a2', 'm2'] }]);
    expect(result.owner.get('m2')).toBe('g');
    const merged = Object.fromEntries(result.merged.map((m) => [m.id, { edges: m.edges, kind: m.kind }]));
    expect(merged).toEqual({
      'in1→g': { edges: ['e1'], kind: 'enables' },
      'g→o1': { edges: ['e3'], kind: 'leads-to' },
      'in2→g': { edges: ['e5'], kind: 'enables' },
      'g→o2': { edges: ['e7'], kind: 'leads-to' },
      'o2→g': { edges: ['e8'], kind: 'leads-to' }, // the cycle becomes two merged links, one each way
      'as1→g': { edges: ['s2'], kind: 'underpins' },
      'st→g': { edges: ['s3', 's4'], kind: 'owns' }, // two links, one drawn
      'r2→g': { edges: ['s6'], kind: 'threatens' },
      'g→r2': { edges: ['s7'], kind: 'mitigates' },
    });
    // Inside: a1 → m1 and a2 → m2; every link touching a member is hidden (drawn merged instead).
    expect(sorted(result.hidden)).toEqual(['e1', 'e2', 'e3', 'e5', 'e6', 'e7', 'e8', 's2', 's3', 's4', 's6', 's7']);
  });

  it('merges links of different kinds into one with no single kind', () => {
    const result = collapse(graph, [{ id: 'g', members: ['a2', 'm2'] }]);
    expect(result.merged.find((m) => m.source === 'g' && m.target === 'r2')?.kind).toBe('mitigates');
    const both = collapse(new GraphIndex({ ...model, edges: [...model.edges, e('x', 'influences', 'r2', 'a2')] }), [{ id: 'g', members: ['a2', 'm2'] }]);
    const fromRisk = both.merged.find((m) => m.source === 'r2' && m.target === 'g')!;
    expect(fromRisk.edges).toEqual(['s6', 'x']);
    expect(fromRisk.kind).toBeUndefined();
  });

  it('joins two groups with one merged link, and gives a node to its first group only', () => {
    const result = collapse(graph, [
      { id: 'left', members: ['in1', 'a1'] },
      { id: 'right', members: ['m1', 'o1', 'a1', 'ghost'] },
    ]);
    expect(result.owner.get('a1')).toBe('left');
    expect(result.owner.has('ghost')).toBe(false);
    expect(result.merged.find((m) => m.id === 'left→right')?.edges).toEqual(['e2']);
  });

  it('considers only the visible links when told which those are', () => {
    const result = collapse(graph, [{ id: 'g', members: ['a1', 'a2'] }], causalSpine(graph).edges);
    expect(result.merged.map((m) => m.id).sort()).toEqual(['g→m1', 'g→m2', 'in1→g', 'in2→g']);
  });

  it('does nothing without groups', () => {
    expect(collapse(graph, []).merged).toEqual([]);
  });
});

describe('on a large model', () => {
  it('handles a 10k-node chain with a cycle back to the start without deep recursion', () => {
    const size = 10_000;
    const nodes = Array.from({ length: size }, (_, i) => n(`n${i}`, i % 2 ? 'outcome' : 'mechanism'));
    const edges = Array.from({ length: size }, (_, i) => e(`e${i}`, 'leads-to', `n${i}`, `n${(i + 1) % size}`));
    const big = new GraphIndex({ nodes, edges });
    const path = pathway(big, ['n5000']);
    expect(path.nodes.size).toBe(size);
    expect(path.edges.size).toBe(size);
    expect(collapse(big, [{ id: 'g', members: nodes.slice(0, 5000).map((x) => x.id) }]).merged.map((m) => m.id).sort()).toEqual(['g→n5000', 'n9999→g']);
  });
});
