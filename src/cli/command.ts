// What every `toc` subcommand shares: its usage text, option parsing that turns any misuse into a
// usage error (exit 2) instead of a stack trace, and the exit codes.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A problem with how the command was called or with a path: printed with the usage line, exit 2. */
export class UsageError extends Error {}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  help: string;
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export function writeOut(text: string) {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeErr(text: string) {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
