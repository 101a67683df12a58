import { EXIT, parseCommandArgs, UsageError, writeOut, type Command } from '../command';
import { expandPaths, loadModelFile } from '../files';
import type { Problem } from '../../model';

/** `file:line:col  path  message`, the form editors and CI logs turn into links. */
export function formatProblem(file: string, problem: Problem): string {
  return `${file}:${problem.line}:${problem.column}  ${problem.path || '(file)'}  ${problem.message}`;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check that model files can be opened, listing every problem',
  usage: 'toc validate FILE|GLOB|DIR…',
  help: `Checks each file against the model format and prints every problem as
  file:line:col  path  message

Arguments are files, quoted globs ('models/**/*.toc.json') or directories (searched for *.toc.json).

Exit status: 0 all valid, 1 some invalid, 2 a usage error or a path that cannot be read.`,
  async run(argv) {
    const { positionals } = parseCommandArgs(argv, {});
    if (positionals.length === 0) throw new UsageError('name at least one file');
    const files = await expandPaths(positionals);
    let status: number = EXIT.ok;
    for (const file of files) {
      const result = await loadModelFile(file);
      if ('unreadable' in result) {
        writeOut(`${file}: cannot read: ${result.unreadable}`);
        status = EXIT.usage;
      } else if (!result.ok) {
        for (const problem of result.problems) writeOut(formatProblem(file, problem));
        status = Math.max(status, EXIT.findings);
      } else {
        writeOut(`${file}: valid (${result.model.nodes.length} nodes, ${result.model.edges.length} edges)`);
      }
    }
    return status;
  },
};
