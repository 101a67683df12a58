// The `toc` dispatcher: argv in, exit code out. Every failure ends in a message and an exit code,
// never a stack trace. main.ts runs it as the process; the fuzzer calls it in-process.
import { EXIT, UsageError, writeErr, writeOut, type Command } from './command';
import { validateCommand } from './commands/validate';
import { fmtCommand } from './commands/fmt';
import { newCommand } from './commands/new';
import { schemaCommand } from './commands/schema';
import { lintCommand } from './commands/lint';
import { rulesCommand } from './commands/rules';
import { layoutCommand } from './commands/layout';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';

const COMMANDS: Command[] = [
  validateCommand,
  fmtCommand,
  lintCommand,
  rulesCommand,
  layoutCommand,
  exportCommand,
  importCommand,
  newCommand,
  schemaCommand,
];

const MAIN_USAGE = 'toc COMMAND [options] [FILE…]';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `ToC Studio: design and check programme theories of change.

Usage: ${MAIN_USAGE}

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run 'toc COMMAND --help' for a command's options.`;
}

/** Runs one `toc` invocation (argv without `node toc`), writing to the process's streams. */
export async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeOut(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    writeOut(__TOC_VERSION__);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    writeErr(`toc: unknown command '${name}'\nUsage: ${MAIN_USAGE}\nCommands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    writeOut(`Usage: ${command.usage}\n\n${command.help}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      writeErr(`toc ${command.name}: ${error.message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    writeErr(`toc ${command.name}: unexpected error: ${(error as Error)?.message ?? String(error)}\nThis is a bug in ToC Studio; please report it with the file that caused it.`);
    return EXIT.usage;
  }
}

declare const __TOC_VERSION__: string;
