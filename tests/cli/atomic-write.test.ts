// A write killed half-way leaves the original file intact. The built `toc` runs with a preload that
// stops it at a chosen point of the write (part of the temporary file written, or just before the
// rename) and says so on stderr; only then is it killed, so the test never depends on timing.
import { spawn } from 'node:child_process';
import { constants, copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel, serializeModel } from '../../src/model';
import { toc } from '../helpers/cli';
import { CLI, EXAMPLES_DIR } from '../helpers/paths';

const PRELOAD = `
import { promises as fs, constants, writeSync } from 'node:fs';
const stop = process.env.TOC_TEST_STOP;
const report = (event) => writeSync(2, 'STOPPED ' + JSON.stringify(event) + '\\n');
const forever = () => new Promise(() => setInterval(() => {}, 1 << 30));
const open = fs.open;
fs.open = async (file, flags, mode) => {
  const handle = await open(file, flags, mode);
  if (stop !== 'mid-write' || typeof flags !== 'number' || !(flags & constants.O_CREAT)) return handle;
  handle.writeFile = async (text) => {
    const bytes = Buffer.from(text);
    await handle.write(bytes.subarray(0, bytes.length >> 1));
    await handle.sync();
    report({ temp: String(file), flags, written: bytes.length >> 1 });
    return forever();
  };
  return handle;
};
const rename = fs.rename;
fs.rename = async (from, to) => {
  if (stop !== 'before-rename') return rename(from, to);
  report({ temp: String(from), target: String(to) });
  return forever();
};
`;

const scratch = () => mkdtempSync(path.join(tmpdir(), 'toc-atomic-'));

/** Runs `toc args` with the preload; resolves when it has stopped, after killing it with SIGKILL. */
function runAndKill(dir: string, args: string[], stop: 'mid-write' | 'before-rename'): Promise<{ event: Record<string, unknown>; signal: string | null }> {
  const preload = path.join(dir, 'stop-write.mjs');
  writeFileSync(preload, PRELOAD);
  const child = spawn(process.execPath, ['--import', preload, CLI, ...args], {
    env: { ...process.env, TOC_TEST_STOP: stop, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    let event: Record<string, unknown> | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const line = /STOPPED (.*)\n/.exec(stderr);
      if (line && !event) {
        event = JSON.parse(line[1]!) as Record<string, unknown>;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (event) resolve({ event, signal });
      else reject(new Error(`toc ${args.join(' ')} ended (exit ${code}) before the write stopped:\n${stderr}`));
    });
  });
}

/** The Keystone example, valid but not canonical (one line), so fmt and layout both rewrite it. */
function modelFile(dir: string): { file: string; original: Buffer } {
  const file = path.join(dir, 'model.toc.json');
  const source = path.join(EXAMPLES_DIR, 'keystone-icu.toc.json');
  copyFileSync(source, file);
  writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
  return { file, original: readFileSync(file) };
}

describe.each([
  ['fmt', (file: string) => ['fmt', file]],
  ['layout --write', (file: string) => ['layout', '--write', file]],
])('toc %s killed during the write', (_name, command) => {
  it.each(['mid-write', 'before-rename'] as const)('stopped %s: the original is byte-identical, and a later run succeeds', async (stop) => {
    const dir = scratch();
    const { file, original } = modelFile(dir);
    const { event, signal } = await runAndKill(dir, command(file), stop);
    expect(signal).toBe('SIGKILL');

    // The temporary file sits beside the target (same file system: the rename is atomic), hidden,
    // with a random part in its name, and was created exclusively.
    const temp = String(event.temp);
    expect(path.dirname(temp)).toBe(dir);
    expect(path.basename(temp)).toMatch(/^\.model\.toc\.json\.\d+\.[0-9a-f]{8}\.tmp$/);
    if (stop === 'mid-write') {
      expect(Number(event.flags) & constants.O_EXCL).toBe(constants.O_EXCL);
      expect(readFileSync(temp).length).toBe(event.written);
    } else {
      expect(event.target).toBe(file);
    }

    expect(readFileSync(file).equals(original)).toBe(true);
    expect(parseModel(readFileSync(file, 'utf8')).ok).toBe(true);
    expect(readdirSync(dir)).toContain(path.basename(temp)); // what a crash leaves behind…

    const again = toc(command(file));
    expect(again.status, again.stdout + again.stderr).toBe(0); // …does not block the next run
    const rewritten = readFileSync(file, 'utf8');
    const parsed = parseModel(rewritten);
    expect(parsed.ok).toBe(true);
    expect(serializeModel((parsed as { ok: true; model: Parameters<typeof serializeModel>[0] }).model)).toBe(rewritten);
  }, 60_000); // two runs of toc layout on a busy machine
});
