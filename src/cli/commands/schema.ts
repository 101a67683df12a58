import { modelJsonSchemaText } from '../../model';
import { EXIT, parseCommandArgs, UsageError, writeOut, type Command } from '../command';
import { writeFileAtomic } from '../files';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of the model format',
  usage: 'toc schema [--write FILE]',
  help: `Prints the JSON Schema (draft 2020-12) generated from the format's definitions, for editor
autocompletion or other validators. Unique ids and references between nodes and edges are checked
by 'toc validate', beyond what JSON Schema can say.

Options:
  --write FILE   write it to FILE (atomically) instead of printing it`,
  async run(argv) {
    const { positionals, values } = parseCommandArgs(argv, { write: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
    if (values.write) await writeFileAtomic(values.write, modelJsonSchemaText(), { overwrite: true });
    else writeOut(modelJsonSchemaText());
    return EXIT.ok;
  },
};
