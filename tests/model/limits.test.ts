// The documented limits (README, "Limits"): node and edge counts and label length are refused with
// a message that gives the count, the limit and what to do, and both validation paths (zod and the
// ajv fast path) draw the line in the same place. Big inputs are generated here, not committed.
import { describe, expect, it } from 'vitest';
import { LIMITS, ModelShell, parseModel, validateModelValue } from '../../src/model';
import { fastAccepts } from '../../src/model/fast-validate';

const nodesOf = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `n${i}`, kind: 'activity', label: 'Run huddles' }));
const edgesOf = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `e${i}`, kind: 'leads-to', source: 'n0', target: 'n1' }));
const modelOf = (nodes: unknown[], edges: unknown[]) => ({ schemaVersion: 1, title: 'Regional programme', nodes, edges });

/** `line:col  path  message` of every problem in a file's text. */
function problemLines(text: string): string[] {
  const result = parseModel(text);
  return result.ok ? [] : result.problems.map((p) => `${p.line}:${p.column}  ${p.path}  ${p.message}`);
}

describe('node and edge count limits', () => {
  it('are 100,000 nodes and 200,000 edges', () => {
    expect(LIMITS.maxNodes).toBe(100_000);
    expect(LIMITS.maxEdges).toBe(200_000);
  });

  it('open a model at the node limit', () => {
    const result = parseModel(JSON.stringify(modelOf(nodesOf(LIMITS.maxNodes), [])));
    expect(result.ok).toBe(true);
  });

  it('refuse one node more, saying how many, the limit and what to do, at the "nodes" key', () => {
    const text = JSON.stringify(modelOf(nodesOf(LIMITS.maxNodes + 1), []), null, 2);
    expect(problemLines(text)).toEqual([
      '4:3  nodes  the model has 100,001 nodes; ToC Studio opens models of up to 100,000 nodes. ' +
        'Split the programme into linked models (for example one per region or workstream)',
    ]);
  });

  it('refuse one edge more, and report both counts when both are over', () => {
    const edges = edgesOf(LIMITS.maxEdges + 1);
    expect(problemLines(JSON.stringify(modelOf(nodesOf(2), edges)))).toEqual([
      '1:163  edges  the model has 200,001 edges; ToC Studio opens models of up to 200,000 edges. ' +
        'Split the programme into linked models (for example one per region or workstream)',
    ]);
    const both = validateModelValue(modelOf(nodesOf(LIMITS.maxNodes + 5), edges));
    expect(both.ok ? [] : both.problems.map((p) => p.path.join('.'))).toEqual(['nodes', 'edges']);
  });

  it('are drawn in the same place by the zod schema and the ajv fast path', () => {
    for (const [nodes, edges] of [
      [LIMITS.maxNodes, 0],
      [LIMITS.maxNodes + 1, 0],
      [2, LIMITS.maxEdges],
      [2, LIMITS.maxEdges + 1],
    ] as const) {
      const model = modelOf(nodesOf(nodes), edgesOf(edges));
      const underLimits = nodes <= LIMITS.maxNodes && edges <= LIMITS.maxEdges;
      expect(ModelShell.safeParse(model).success, `${nodes} nodes, ${edges} edges`).toBe(underLimits);
      expect(fastAccepts(model), `${nodes} nodes, ${edges} edges`).toBe(underLimits);
    }
  });
});

describe('label length limit', () => {
  const withLabel = (label: string) => JSON.stringify(modelOf([{ id: 'a', kind: 'activity', label }], []));

  it('counts characters, so 200 emoji fit and 201 do not', () => {
    expect(problemLines(withLabel('🏥'.repeat(LIMITS.maxLabelLength)))).toEqual([]);
    expect(problemLines(withLabel('🏥'.repeat(LIMITS.maxLabelLength + 1)))).toEqual(['1:86  nodes[0].label  is 201 characters long; at most 200 are allowed, so shorten it (longer text belongs in the description)']);
  });

  it('applies to the title too', () => {
    const text = JSON.stringify({ ...modelOf([], []), title: 'T'.repeat(250) });
    expect(problemLines(text)).toEqual(['1:20  title  is 250 characters long; at most 200 are allowed, so shorten it (longer text belongs in the summary)']);
  });
});
