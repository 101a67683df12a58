// `toc lint` in worker threads (src/cli/lint-pool.ts) prints exactly what a serial run prints.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeModel } from '../../src/model';
import { generateModel } from '../../bench/generate';
import { generateProgramme } from '../../bench/programme';
import { toc, STACK_TRACE } from '../helpers/cli';
import { CLI, INVALID_DIR } from '../helpers/paths';

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'markdown', 'github'];

const scratchDirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'toc-lint-pool-'));
  scratchDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A directory of generated programmes (one with a suppression, some under a toc.config.json),
 * every invalid fixture, and two paths that cannot be read. */
function corpus(): string[] {
  const dir = scratch();
  const strict = path.join(dir, 'strict');
  mkdirSync(strict);
  writeFileSync(path.join(strict, 'toc.config.json'), JSON.stringify({ rules: { 'measure-defined': 'error', 'problem-stated': 'off' } }));
  // Small enough that the largest report (SARIF) stays within spawnSync's 1 MB of output.
  for (let i = 0; i < 16; i++) {
    const model = generateProgramme(30 + i * 4, i + 1);
    if (i === 3) model.lint = { suppressions: [{ rule: 'problem-stated', reason: 'stated in the bid' }], rules: { 'narrative-present': 'off' } };
    writeFileSync(path.join(i % 3 === 0 ? strict : dir, `p${i}.toc.json`), serializeModel(model));
  }
  for (const name of readdirSync(INVALID_DIR).filter((f) => f.endsWith('.toc.json'))) copyFileSync(path.join(INVALID_DIR, name), path.join(dir, name));
  const loop = path.join(dir, 'loop.toc.json');
  symlinkSync(loop, loop);
  return [dir, path.join(dir, 'missing.toc.json'), loop];
}

/** A model of about 23 MB (inside the format's limits, beyond a 24 MB heap, and seconds of work)
 * first, so that the worker it kills also holds the next file, then three small ones. */
function withBigModel(): string {
  const dir = scratch();
  writeFileSync(path.join(dir, 'a-big.toc.json'), serializeModel(generateModel(60_000)));
  for (const name of ['b', 'c', 'd']) writeFileSync(path.join(dir, `${name}.toc.json`), serializeModel(generateProgramme(40)));
  return dir;
}

describe('toc lint --jobs', () => {
  let args: string[];
  beforeAll(() => {
    args = corpus();
  });

  it.each(FORMATS)('%s: output and exit status in 3 workers equal those of a serial run', (format) => {
    const serial = toc(['lint', '--jobs', '1', '--format', format, ...args]);
    const pooled = toc(['lint', '--jobs', '3', '--format', format, ...args]);
    expect(serial.status).toBe(2);
    expect(serial.stdout).toContain('missing.toc.json');
    expect(serial.stdout).toContain('measure-defined');
    expect(pooled.stderr).toBe('');
    expect(pooled.status).toBe(serial.status);
    expect(pooled.stdout).toBe(serial.stdout);
  });

  it('json: every file once, in order, the invalid and unreadable ones fatal', () => {
    const run = toc(['lint', '--jobs', '2', '--format', 'json', ...args]);
    const results = JSON.parse(run.stdout) as { file: string; fatal: boolean; problems: { message: string }[] }[];
    const invalid = readdirSync(INVALID_DIR).filter((f) => f.endsWith('.toc.json')).length;
    expect(results).toHaveLength(16 + invalid + 2);
    expect(results.filter((r) => r.fatal)).toHaveLength(invalid + 2);
    expect(results.at(-2)!.problems[0]!.message).toBe('cannot read: no such file');
    expect(results.at(-1)!.problems[0]!.message).toMatch(/^cannot read: ELOOP/);
  });

  it('settings and a broken toc.config.json reach the workers as they reach a serial run', { timeout: 60_000 }, () => {
    const dir = scratch();
    for (let i = 0; i < 4; i++) writeFileSync(path.join(dir, `p${i}.toc.json`), serializeModel(generateProgramme(40, i + 1)));
    const options = ['--quiet', '--rule', 'outcomes-measured=off', '--fail-on', 'warning', dir];
    const serial = toc(['lint', '--jobs', '1', ...options]);
    expect(toc(['lint', '--jobs', '4', ...options])).toEqual(serial);
    writeFileSync(path.join(dir, 'toc.config.json'), '{ "rules": { "no-such-rule": "off" } }');
    const broken = toc(['lint', '--jobs', '1', dir]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('unknown rule "no-such-rule"');
    expect(toc(['lint', '--jobs', '4', dir])).toEqual(broken);
  });

  it.each(['0', '-1', '1.5', 'many', ''])('--jobs %j is a usage error (exit 2) without a stack trace', (value) => {
    const run = toc(['lint', `--jobs=${value}`, args[0]!]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--jobs needs a whole number of at least 1, not "${value}"`);
    expect(run.stderr).toContain('Usage: toc lint');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stdout).toBe('');
  });

  it('--help documents --jobs', () => {
    expect(toc(['lint', '--help']).stdout).toMatch(/--jobs N +lint in N worker threads/);
  });

  it('a file that kills its worker (out of memory) is reported; the other files are still linted', () => {
    const dir = withBigModel();
    const run = spawnSync(process.execPath, ['--max-old-space-size=24', CLI, 'lint', '--jobs', '2', '--format', 'json', dir], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.status).toBe(2);
    const results = JSON.parse(run.stdout) as { file: string; fatal: boolean; findings: unknown[]; problems: { message: string; line: number }[] }[];
    expect(results.map((r) => [path.basename(r.file), r.fatal])).toEqual([
      ['a-big.toc.json', true],
      ['b.toc.json', false],
      ['c.toc.json', false],
      ['d.toc.json', false],
    ]);
    expect(results[0]!.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/^cannot lint: the checker ran out of memory on this file; give Node more/) })]);
    for (const small of results.slice(1)) expect(small.findings.length).toBeGreaterThan(0);
  }, 60_000);

  it('Ctrl-C (SIGINT) ends a pooled run and its workers at once', async () => {
    const child = spawn(process.execPath, [CLI, 'lint', '--jobs', '2', withBigModel()], { stdio: 'ignore' });
    const ended = new Promise<{ signal: NodeJS.Signals | null; at: number }>((resolve) => child.on('exit', (_code, signal) => resolve({ signal, at: Date.now() })));
    // Long enough for the workers to be busy with the big model, which takes seconds to lint.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const interrupted = Date.now();
    child.kill('SIGINT');
    const { signal, at } = await ended;
    expect(signal).toBe('SIGINT');
    expect(at - interrupted).toBeLessThan(1_000);
  });
});
