import { parseModel, serializeModel } from '../src/model';
import { generateModel } from './generate';
import { ms, printTable, timeMedian } from './timing';

/** parseModel (JSON.parse + schema + references) beside bare JSON.parse of the same text. */
export function benchParse(sizes: number[]): void {
  const rows = sizes.map((size) => {
    const text = serializeModel(generateModel(size));
    const runs = size >= 100_000 ? 3 : 9;
    const bare = timeMedian(() => JSON.parse(text), runs);
    const full = timeMedian(() => {
      if (!parseModel(text).ok) throw new Error('generated model is invalid');
    }, runs);
    const nodes = (JSON.parse(text) as { nodes: unknown[] }).nodes.length;
    return {
      nodes,
      'file size': `${(text.length / 1024 / 1024).toFixed(1)} MiB`,
      'JSON.parse': ms(bare),
      'parse+validate': ms(full),
      ratio: `${(full / bare).toFixed(2)}×`,
      'per node': `${((full * 1000) / nodes).toFixed(2)} µs`,
    };
  });
  printTable('Parse and validate (target: ≤ 3× JSON.parse at 10k nodes, linear growth)', rows);
}
