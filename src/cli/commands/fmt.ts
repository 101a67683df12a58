import { serializeModel } from '../../model';
import { EXIT, parseCommandArgs, UsageError, writeOut, type Command } from '../command';
import { expandPaths, loadModelFile, writeFileAtomic } from '../files';
import { formatProblem } from './validate';

export const fmtCommand: Command = {
  name: 'fmt',
  summary: 'rewrite model files in canonical form (or --check them)',
  usage: 'toc fmt [--check] FILE|GLOB|DIR…',
  help: `Rewrites each file in the canonical form (2-space indent, keys in the format's order, whole-number
positions, final newline), so that files diff cleanly. Files are replaced atomically. Invalid files are
never rewritten: their problems are listed instead.

Options:
  --check   change nothing; list the files that are not canonical and exit 1 if there are any

Exit status: 0 all canonical (or rewritten), 1 some not canonical under --check or invalid, 2 usage error.`,
  async run(argv) {
    const { positionals, values } = parseCommandArgs(argv, { check: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('name at least one file');
    let status: number = EXIT.ok;
    for (const file of await expandPaths(positionals)) {
      const result = await loadModelFile(file);
      if ('unreadable' in result) {
        writeOut(`${file}: cannot read: ${result.unreadable}`);
        status = EXIT.usage;
        continue;
      }
      if (!result.ok) {
        for (const problem of result.problems) writeOut(formatProblem(file, problem));
        status = Math.max(status, EXIT.findings);
        continue;
      }
      const canonical = serializeModel(result.model);
      if (canonical === result.text) continue;
      if (values.check) {
        writeOut(`${file}: not in canonical form (run: toc fmt ${file})`);
        status = Math.max(status, EXIT.findings);
      } else {
        await writeFileAtomic(file, canonical, { overwrite: true });
        writeOut(`${file}: formatted`);
      }
    }
    return status;
  },
};
