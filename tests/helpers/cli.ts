import { spawnSync } from 'node:child_process';
import { CLI, REPO } from './paths';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `toc` command as a user would (tests build it first: see `npm test`). */
export function toc(args: string[], options: { cwd?: string; input?: string } = {}): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    input: options.input,
    encoding: 'utf8',
    // Reports of big runs exceed spawnSync's 1 MB default, which would kill the child mid-report.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A Node stack trace in output means a crash reached the user. */
export const STACK_TRACE = /\n\s+at .+[(:]\d+:\d+\)?|node:internal|Error: .*\n\s+at /;
