// `npm run fuzz [-- --cases N --seed S --time-limit SECONDS --case I]`: mutates the example files
// and checks that `toc validate` and `toc lint` never crash on them and always say where the problem
// is. Prints a summary table; every crash is written to a file with the command that reproduces it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from '../helpers/paths';
import { runCase, SOURCES, type Outcome } from './harness';
import { mutateCase } from './mutate';

/** One case in this many also runs through the real `node dist/toc.mjs` process. */
const PROCESS_EVERY = 200;

const CRASH_DIR = path.join(REPO, '.scratch', 'fuzz-crashes');

function options() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '10000' },
      seed: { type: 'string', default: String(Date.now() % 1_000_000) },
      'time-limit': { type: 'string', default: '1200' },
      case: { type: 'string' },
    },
  });
  const number = (name: string, value: string) => {
    if (!/^\d+$/.test(value)) {
      console.error(`fuzz: --${name} needs a whole number, not "${value}"`);
      process.exit(2);
    }
    return Number(value);
  };
  return {
    cases: number('cases', values.cases),
    seed: number('seed', values.seed),
    timeLimit: number('time-limit', values['time-limit']),
    only: values.case === undefined ? undefined : number('case', values.case),
  };
}

async function main() {
  const { cases, seed, timeLimit, only } = options();
  process.env.NO_COLOR = '1';
  const dir = mkdtempSync(path.join(tmpdir(), 'toc-fuzz-'));
  const file = path.join(dir, 'case.toc.json');
  const status = { validate: new Map<string, number>(), lint: new Map<string, number>() };
  const crashes: { index: number; reasons: string[]; saved: string }[] = [];
  let done = 0;
  let viaProcess = 0;
  let slowest = { index: -1, ms: 0 };
  const start = performance.now();
  const deadline = start + timeLimit * 1000;
  const indices = only === undefined ? Array.from({ length: cases }, (_, i) => i) : [only];

  for (const index of indices) {
    if (performance.now() > deadline) break;
    const fuzzCase = mutateCase(SOURCES, seed, index);
    const process_ = only !== undefined || index % PROCESS_EVERY === 0;
    const caseStart = performance.now();
    const result = await runCase(fuzzCase.bytes, file, process_);
    const ms = performance.now() - caseStart;
    if (!process_ && ms > slowest.ms) slowest = { index, ms };
    done++;
    if (process_) viaProcess++;
    for (const outcome of result.outcomes) {
      const counts = status[outcome.command];
      counts.set(String(outcome.status), (counts.get(String(outcome.status)) ?? 0) + 1);
    }
    if (result.reasons.length > 0) {
      mkdirSync(CRASH_DIR, { recursive: true });
      const saved = path.join(CRASH_DIR, `seed-${seed}-case-${index}.toc.json`);
      writeFileSync(saved, fuzzCase.bytes);
      crashes.push({ index, reasons: result.reasons, saved });
      report(index, fuzzCase.source, fuzzCase.steps, result.reasons, result.outcomes, seed, saved);
    }
  }
  rmSync(dir, { recursive: true, force: true });

  const seconds = (performance.now() - start) / 1000;
  const codes = (counts: Map<string, number>) => [...counts].sort().map(([code, n]) => `${code}: ${n}`).join(', ');
  console.log(`\nFuzz: toc validate and toc lint on mutated examples (seed ${seed})`);
  console.table([
    {
      cases: done,
      'through the process': viaProcess,
      'validate exit codes': codes(status.validate),
      'lint exit codes': codes(status.lint),
      crashes: crashes.length,
      'cases/s': (done / seconds).toFixed(1),
      seconds: seconds.toFixed(1),
      'slowest case': slowest.index < 0 ? '-' : `#${slowest.index} ${slowest.ms.toFixed(0)} ms`,
    },
  ]);
  if (done < indices.length) console.log(`Stopped by --time-limit ${timeLimit} after ${done} of ${indices.length} cases.`);
  process.exitCode = crashes.length > 0 ? 1 : 0;
}

function report(index: number, source: string, steps: string[], reasons: string[], outcomes: Outcome[], seed: number, saved: string) {
  const relative = path.relative(process.cwd(), saved);
  console.log(`\nCRASH case ${index} (${source}: ${steps.join('; ')})`);
  for (const reason of reasons) console.log(`  ${reason}`);
  for (const outcome of outcomes) console.log(`  ${outcome.command} exit ${outcome.status}: ${(outcome.stdout + outcome.stderr).slice(0, 400).replace(/\n/g, '\n    ')}`);
  console.log(`  input: ${relative}`);
  console.log(`  reproduce: npm run fuzz -- --seed ${seed} --case ${index}   or   node dist/toc.mjs validate ${relative}`);
}

await main();
