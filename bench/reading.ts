// The editor's reading view (src/model/pathways.ts, src/editor/reading.ts) on generated models,
// beside building the GraphIndex it walks: every query is one linear pass, so the ratio stays flat.
import { docFromModel } from '../src/editor/doc';
import { computeReadingView, EMPTY_READING } from '../src/editor/reading';
import { GraphIndex } from '../src/model';
import { causalSpine, collapse, pathway } from '../src/model/pathways';
import { generateModel } from './generate';
import { ms, printTable, timeMedian } from './timing';

export function benchReading(sizes: number[]): void {
  const rows = sizes.map((size) => {
    const model = generateModel(size);
    const runs = size >= 100_000 ? 3 : 9;
    const graph = new GraphIndex(model);
    const index = timeMedian(() => new GraphIndex(model), runs);
    // From the aim, everything causal is upstream: the largest pathway there is.
    const aim = model.nodes.find((node) => node.kind === 'impact')!.id;
    let reached = 0;
    const path = timeMedian(() => (reached = pathway(graph, [aim]).nodes.size), runs);
    const spine = timeMedian(() => causalSpine(graph), runs);
    const members = model.nodes.filter((_, i) => i % 10 === 0).map((node) => node.id);
    const grouped = timeMedian(() => collapse(graph, [{ id: 'group#1', members }]), runs);
    // Everything at once, as the editor computes it after an edit (GraphIndex included).
    const doc = docFromModel(model);
    const state = { ...EMPTY_READING, focus: [aim], spineOnly: true, groups: [{ id: 'group#1', name: 'Tenth', members }] };
    const view = timeMedian(() => computeReadingView({ ...doc }, [], state), runs);
    return {
      nodes: model.nodes.length,
      edges: model.edges.length,
      GraphIndex: ms(index),
      'pathway of the aim': `${ms(path)} (${reached} nodes)`,
      'causal spine': ms(spine),
      'collapse 10%': ms(grouped),
      'whole view after an edit': ms(view),
      ratio: `${(view / index).toFixed(2)}× GraphIndex`,
    };
  });
  printTable('Reading view beside building its GraphIndex (each query one linear pass: the ratio should stay flat as models grow)', rows);
}
