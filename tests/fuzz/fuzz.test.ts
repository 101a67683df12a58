// A fixed-seed sample of the mutation fuzzer (`npm run fuzz` runs 10,000 cases): `toc validate`
// and `toc lint` never crash on mutated examples and always say where the problem is. Crashes found
// by the fuzzer are fixtures in tests/fixtures/invalid, checked message by message there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reasonsFor, runCase, runInProcess, SOURCES } from './harness';
import { mutateCase } from './mutate';

const SEED = 20261127;
const CASES = 500;
/** One case in this many also runs through the real `node dist/toc.mjs` process. */
const PROCESS_EVERY = 100;
const dir = mkdtempSync(path.join(tmpdir(), 'toc-fuzz-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mutation fuzzer', () => {
  it('a case is the same bytes for the same seed and index, and differs across indices', () => {
    const a = mutateCase(SOURCES, SEED, 7);
    expect(mutateCase(SOURCES, SEED, 7)).toEqual(a);
    expect(mutateCase(SOURCES, SEED, 8).bytes).not.toEqual(a.bytes);
  });

  it('notices a crash: a stack trace, an exit code outside 0–2 or a problem without a location', () => {
    const file = '/m.toc.json';
    expect(reasonsFor({ command: 'validate', status: 2, stdout: '', stderr: "TypeError: x is undefined\n    at f (/a.js:1:2)\n" }, file)).toEqual([
      'validate: stack trace',
      'validate: internal error text "TypeError"',
      'validate: exit 2 on a readable file',
      'validate: wrote to stderr: TypeError: x is undefined\n    at f (/a.js:1:2)\n',
    ]);
    expect(reasonsFor({ command: 'lint', status: 134, stdout: '', stderr: '' }, file)).toEqual(['lint: exit code 134']);
    expect(reasonsFor({ command: 'lint', status: 2, stdout: `${file}\n  fatal  (file)  broken\n`, stderr: '' }, file)).toEqual([
      'lint: a problem without line:col:   fatal  (file)  broken',
    ]);
    expect(reasonsFor({ command: 'validate', status: 1, stdout: `${file}  nodes[0]  bad\n`, stderr: '' }, file)).toEqual([
      `validate: a problem without file:line:col: ${file}  nodes[0]  bad`,
    ]);
  });

  it('runs the same dispatcher in-process as the real command, output captured', async () => {
    const example = path.join('examples', SOURCES[0]!.name);
    const { nodes, edges } = JSON.parse(SOURCES[0]!.text) as { nodes: unknown[]; edges: unknown[] };
    expect(await runInProcess(['validate', example])).toEqual({ status: 0, stdout: `${example}: valid (${nodes.length} nodes, ${edges.length} edges)\n`, stderr: '' });
    expect((await runInProcess(['nonsense'])).status).toBe(2);
  });

  it(`${CASES} mutated examples: validate and lint never crash and always say where`, async () => {
    const file = path.join(dir, 'case.toc.json');
    const statuses = new Set<string>();
    for (let index = 0; index < CASES; index++) {
      const fuzzCase = mutateCase(SOURCES, SEED, index);
      const result = await runCase(fuzzCase.bytes, file, index % PROCESS_EVERY === 0);
      expect(result.reasons, `case ${index} (${fuzzCase.steps.join('; ')}): npm run fuzz -- --seed ${SEED} --case ${index}`).toEqual([]);
      statuses.add(result.outcomes.map((o) => o.status).join('/'));
    }
    // The sample reaches both valid and invalid files.
    expect(statuses).toContain('0/0');
    expect(statuses).toContain('1/2');
  }, 300_000);
});
