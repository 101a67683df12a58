// Export benchmarks: the SVG renderer on generated models (target: 500 nodes ≤ 300 ms in Node), and
// a PDF of an example through the CLI's own path, Chromium launch included (target ≤ 5 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSvg } from '../src/render/svg';
import { loadInterFonts } from '../src/cli/export/fonts';
import { exportCommand } from '../src/cli/commands/export';
import { generateModel } from './generate';
import { median, ms, printTable, timeMedian } from './timing';

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));

export async function benchExport(): Promise<void> {
  const fonts = loadInterFonts();
  const rows = [100, 500, 2000].map((size) => {
    const model = generateModel(size);
    const time = timeMedian(() => renderSvg(model, { fonts }), size >= 2000 ? 3 : 7);
    const bytes = renderSvg(model, { fonts }).length;
    return {
      nodes: model.nodes.length,
      edges: model.edges.length,
      'renderSvg (fonts embedded)': ms(time),
      'SVG size': `${(bytes / 1024).toFixed(0)} KiB`,
      target: size === 500 ? (time <= 300 ? '≤ 300 ms: met' : '≤ 300 ms: MISSED') : '',
    };
  });
  printTable('Export: SVG in Node (target: 500 nodes ≤ 300 ms)', rows);

  const dir = mkdtempSync(path.join(tmpdir(), 'toc-bench-export-'));
  const silence = process.stderr.write.bind(process.stderr);
  try {
    const pdfRows = [];
    for (const [example, paper] of [['keystone-icu', 'A3'], ['project-echo-hepatitis-c', 'A4']] as const) {
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        process.stderr.write = () => true;
        const code = await exportCommand.run([
          path.join(EXAMPLES, `${example}.toc.json`), '--format', 'pdf', '--paper', paper, '--landscape',
          '-o', path.join(dir, `${example}.pdf`), '--date', '2026-01-01',
        ]);
        process.stderr.write = silence;
        if (code !== 0) throw new Error(`toc export ${example} exited ${code}`);
        times.push(performance.now() - start);
      }
      const time = median(times);
      pdfRows.push({ example, paper: `${paper} landscape`, 'toc export --format pdf': ms(time), target: time <= 5000 ? '≤ 5 s: met' : '≤ 5 s: MISSED' });
    }
    printTable('Export: PDF from the CLI path, Chromium launch included (target ≤ 5 s)', pdfRows);
  } finally {
    process.stderr.write = silence;
    rmSync(dir, { recursive: true, force: true });
  }
}
