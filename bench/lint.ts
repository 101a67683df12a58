import { serializeModel } from '../src/model';
import { lint } from '../src/lint';
import { generateModel } from './generate';
import { ms, printTable, timeMedian } from './timing';

/** lint() on generated models beside JSON.parse of the same file. */
export function benchLint(sizes: number[]): void {
  const rows = sizes.map((size) => {
    const model = generateModel(size);
    const text = serializeModel(model);
    const runs = size >= 100_000 ? 3 : 9;
    const bare = timeMedian(() => JSON.parse(text), runs);
    let findings = 0;
    const linted = timeMedian(() => {
      findings = lint(model, { today: '2026-11-27' }).length;
    }, runs);
    return {
      nodes: model.nodes.length,
      edges: model.edges.length,
      'JSON.parse': ms(bare),
      lint: ms(linted),
      ratio: `${(linted / bare).toFixed(2)}×`,
      'per node': `${((linted * 1000) / model.nodes.length).toFixed(2)} µs`,
      findings,
    };
  });
  printTable('Lint (target: 10k nodes ≤ 100 ms and ≤ 5× JSON.parse; 100k completes)', rows);
}
