// Runs `toc validate` and `toc lint` on one fuzz case and says what, if anything, went wrong: an
// exit code other than 0, 1 or 2, a stack trace or an internal error reaching the user, a problem
// line that does not say where, or the two commands disagreeing about whether the file opens.
// In-process (the same dispatcher dist/toc.mjs runs, output captured) for speed; through the real
// process for a share of cases.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../src/cli/run';
import { STACK_TRACE, toc } from '../helpers/cli';
import { exampleFiles, REPO } from '../helpers/paths';
import type { Source } from './mutate';

/** The files the fuzzer mutates: the bundled examples. */
export const SOURCES: Source[] = exampleFiles().map((file) => ({ name: path.basename(file), text: readFileSync(file, 'utf8') }));

export interface Outcome {
  command: 'validate' | 'lint';
  status: number | null;
  stdout: string;
  stderr: string;
}

const COMMANDS: { command: Outcome['command']; args: (file: string) => string[] }[] = [
  { command: 'validate', args: (file) => ['validate', file] },
  { command: 'lint', args: (file) => ['lint', '--no-config', file] },
];

type Write = typeof process.stdout.write;

// esbuild defines the version in dist/toc.mjs; in-process runs take it from package.json.
(globalThis as { __TOC_VERSION__?: string }).__TOC_VERSION__ ??= (
  JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }
).version;

/** Runs the dispatcher with stdout and stderr captured; commands run one at a time. */
export async function runInProcess(argv: string[]): Promise<Omit<Outcome, 'command'>> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) =>
    ((chunk: string | Uint8Array) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as Write;
  const saved = [process.stdout.write, process.stderr.write] as const;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  let status: number | null;
  try {
    status = await run(argv);
  } catch (error) {
    err.push(`run() rejected: ${(error as Error)?.stack ?? String(error)}`);
    status = null;
  } finally {
    [process.stdout.write, process.stderr.write] = saved;
  }
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** Internal errors that must never reach a user, whatever the file holds. */
const LEAKS = /TypeError|RangeError|ReferenceError|unexpected error|This is a bug|\bundefined\b|\[object Object\]|run\(\) rejected/;

/** `file:line:col  path  message`, `file: valid (…)` or `file: cannot read: …`. */
function validateReasons(outcome: Outcome, file: string): string[] {
  const reasons: string[] = [];
  const lines = outcome.stdout.split('\n').filter((line) => line !== '');
  const located = (line: string) => line.startsWith(`${file}:`) && /^:\d+:\d+  ./.test(line.slice(file.length));
  if (outcome.status === 0 && !(lines.length === 1 && lines[0]!.startsWith(`${file}: valid (`))) reasons.push('validate: exit 0 without "valid"');
  if (outcome.status === 1) {
    if (lines.length === 0) reasons.push('validate: exit 1 with no problem listed');
    for (const line of lines.filter((l) => !located(l))) reasons.push(`validate: a problem without file:line:col: ${line.slice(0, 200)}`);
  }
  if (outcome.status === 2) reasons.push('validate: exit 2 on a readable file');
  if (outcome.stderr !== '') reasons.push(`validate: wrote to stderr: ${outcome.stderr.slice(0, 200)}`);
  return reasons;
}

/** Stylish output: a fatal problem is `  line:col  fatal  path  message` under the file name. */
function lintReasons(outcome: Outcome, file: string): string[] {
  const reasons: string[] = [];
  const lines = outcome.stdout.split('\n');
  if (outcome.status === 2) {
    if (lines[0] !== file) reasons.push('lint: the report does not start with the file name');
    const fatal = lines.filter((line) => /\sfatal\s/.test(line));
    if (fatal.length === 0) reasons.push('lint: exit 2 without a fatal problem');
    for (const line of fatal.filter((l) => !/^\s+\d+:\d+\s+fatal\s/.test(l))) reasons.push(`lint: a problem without line:col: ${line.slice(0, 200)}`);
  }
  if (outcome.stderr !== '') reasons.push(`lint: wrote to stderr: ${outcome.stderr.slice(0, 200)}`);
  return reasons;
}

/** Everything wrong with one run of one command; empty when it behaved. */
export function reasonsFor(outcome: Outcome, file: string): string[] {
  const reasons: string[] = [];
  if (outcome.status === null || ![0, 1, 2].includes(outcome.status)) reasons.push(`${outcome.command}: exit code ${outcome.status}`);
  const output = `${outcome.stdout}\n${outcome.stderr}`;
  if (STACK_TRACE.test(output)) reasons.push(`${outcome.command}: stack trace`);
  const leak = LEAKS.exec(output);
  if (leak) reasons.push(`${outcome.command}: internal error text "${leak[0]}"`);
  reasons.push(...(outcome.command === 'validate' ? validateReasons(outcome, file) : lintReasons(outcome, file)));
  return reasons;
}

export interface CaseResult {
  outcomes: Outcome[];
  reasons: string[];
}

/** Writes the bytes to `file` and runs both commands on it, in-process or as the real process. */
export async function runCase(bytes: Uint8Array, file: string, viaProcess: boolean): Promise<CaseResult> {
  writeFileSync(file, bytes);
  const outcomes: Outcome[] = [];
  for (const { command, args } of COMMANDS) {
    const result = viaProcess ? toc(args(file)) : await runInProcess(args(file));
    outcomes.push({ command, ...result });
  }
  const reasons = outcomes.flatMap((outcome) => reasonsFor(outcome, file));
  const [validate, lint] = outcomes as [Outcome, Outcome];
  // The two commands read files the same way: they must agree on whether this one opens.
  if ((validate.status === 0) !== (lint.status === 0 || lint.status === 1)) {
    reasons.push(`validate exited ${validate.status} but lint exited ${lint.status}`);
  }
  return { outcomes, reasons };
}
