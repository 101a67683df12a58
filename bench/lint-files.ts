// `toc lint` over many files, end to end (process start included): one process vs the worker pool,
// where the pool starts to pay, and how the time per file grows with the size of a model.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeModel } from '../src/model';
import { lintFile } from '../src/cli/lint-files';
import { random } from './generate';
import { generateProgramme } from './programme';
import { median, ms, printTable } from './timing';

const CLI = fileURLToPath(new URL('../dist/toc.mjs', import.meta.url));

/** `count` programmes of 30–300 nodes, as real ones are; returns their total size in bytes. */
function writeProgrammes(dir: string, count: number, seed = 11): number {
  mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = serializeModel(generateProgramme(30 + Math.floor(rand() * 271), i + 1));
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, `programme-${String(i).padStart(4, '0')}.toc.json`), text);
  }
  return bytes;
}

/** Seconds for one `toc lint` process; the report goes to /dev/null. */
function timeLint(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'lint', ...args], { stdio: 'ignore' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`toc lint ${args.join(' ')} exited ${run.status ?? run.signal}`);
  return (performance.now() - start) / 1000;
}

/** Medians of alternating runs, so a change in the machine's load hits both sides alike. */
function compare(runs: number, a: () => number, b: () => number): [number, number] {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    times[0].push(a());
    times[1].push(b());
  }
  return [median(times[0]), median(times[1])];
}

const seconds = (s: number) => `${s.toFixed(2)} s`;

export async function benchLintFiles(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'toc-bench-lint-'));
  try {
    const load = () => loadavg()[0]!.toFixed(1);
    const loadBefore = load();
    const all = path.join(root, 'all');
    const bytes = writeProgrammes(all, 1_000);
    const [serial, pooled] = compare(3, () => timeLint(['--jobs', '1', all]), () => timeLint([all]));
    printTable(`toc lint over 1,000 programmes (30–300 nodes, ${(bytes / 1e6).toFixed(0)} MB) end to end; target ≤ 10 s; ${availableParallelism()} cores, load ${loadBefore}→${load()}`, [
      { run: '--jobs 1 (one process)', total: seconds(serial), 'files/s': Math.round(1_000 / serial), target: serial <= 10 ? 'met' : 'missed', 'speed-up': '1.00×' },
      { run: `default (${availableParallelism()} workers)`, total: seconds(pooled), 'files/s': Math.round(1_000 / pooled), target: pooled <= 10 ? 'met' : 'missed', 'speed-up': `${(serial / pooled).toFixed(2)}×` },
    ]);

    // Where a pool starts to pay: the default stays in one process below POOL_MIN_BYTES (lint.ts).
    const crossover = [20, 100, 200, 400, 700].map((count) => {
      const dir = path.join(root, `few-${count}`);
      const size = writeProgrammes(dir, count, count);
      const [one, two] = compare(3, () => timeLint(['--jobs', '1', dir]), () => timeLint(['--jobs', '2', dir]));
      return { files: count, MB: (size / 1e6).toFixed(1), '--jobs 1': seconds(one), '--jobs 2': seconds(two), 'pool/one': `${(two / one).toFixed(2)}×` };
    });
    printTable(`toc lint on fewer files: one process vs two workers (below 1.00× the pool pays; the default pools from 32 MB); load ${load()}`, crossover);

    const settings = { overrideRules: {}, quiet: false, useConfig: false };
    const growth: Record<string, string | number>[] = [];
    for (const size of [100, 1_000, 10_000]) {
      const file = path.join(root, `size-${size}.toc.json`);
      const model = generateProgramme(size);
      writeFileSync(file, serializeModel(model));
      let findings = 0;
      const times: number[] = [];
      // One warm-up run, then the median; lintFile reads the file, so each run is awaited.
      for (let i = 0; i <= (size >= 10_000 ? 5 : 15); i++) {
        const start = performance.now();
        findings = (await lintFile(file, settings, undefined)).findings.length;
        if (i > 0) times.push(performance.now() - start);
      }
      const perFile = median(times);
      growth.push({ nodes: model.nodes.length, edges: model.edges.length, 'per file': ms(perFile), 'per node': `${((perFile * 1000) / model.nodes.length).toFixed(1)} µs`, findings });
    }
    printTable('Read + parse + lint of one programme (what each worker does per file), by size', growth);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchLintFiles();
