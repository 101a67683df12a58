import { promises as fs } from 'node:fs';
import { serializeModel } from '../../model';
import { importKumu, KumuImportError } from '../../export/kumu';
import { EXIT, parseCommandArgs, UsageError, writeErr, type Command } from '../command';
import { describeFsError, MODEL_EXTENSION, writeFileAtomic } from '../files';

const SOURCES = ['kumu'] as const;

export const importCommand: Command = {
  name: 'import',
  summary: 'make a model file from another tool\'s export (a Kumu JSON blueprint)',
  usage: 'toc import --from kumu FILE -o OUT.toc.json [--title TEXT] [--force]',
  help: `Reads a Kumu JSON blueprint or project backup and writes a valid model file in canonical form.

Element types become node kinds where they are recognisable (Activity, Goal → impact, Indicator →
measure, Short-term outcome → outcome with horizon short, Organisation → stakeholder…); any other
type becomes a context node that keeps its Kumu type in data.kumu.type. Connection types become edge
kinds where recognisable, else the first kind the format allows between the two nodes. Nothing is
dropped: fields that are not model attributes are kept under each node's or edge's data.kumu, and the
rest of the file (maps, views, connections to missing elements) under the model's data.kumu.

Options:
  --from kumu      the source format (required)
  -o, --output OUT the model file to write (required; must end in ${MODEL_EXTENSION})
  --title TEXT     the model's title (default: the Kumu project's name, else "Imported from Kumu")
  --force          replace OUT if it exists (otherwise an existing file is never overwritten)

Exit status: 0 written, 1 the file cannot be imported, 2 usage error.`,
  async run(argv) {
    const { positionals, values } = parseCommandArgs(argv, {
      from: { type: 'string' },
      output: { type: 'string', short: 'o' },
      title: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.from === undefined) throw new UsageError('say which format to import: --from kumu');
    if (!(SOURCES as readonly string[]).includes(values.from)) throw new UsageError(`unknown source "${values.from}"; use --from kumu`);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the file to import' : 'import one file at a time');
    const output = values.output;
    if (output === undefined) throw new UsageError(`name the model file to write with -o OUT${MODEL_EXTENSION}`);
    if (!output.endsWith(MODEL_EXTENSION)) throw new UsageError(`the output must be a ${MODEL_EXTENSION} file, not ${output}`);
    const file = positionals[0]!;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`${file}: cannot read: ${describeFsError(error)}`);
    }
    let result;
    try {
      result = importKumu(text, { title: values.title });
    } catch (error) {
      if (error instanceof KumuImportError) {
        writeErr(`${file}: ${error.message}`);
        return EXIT.findings;
      }
      throw error;
    }
    await writeFileAtomic(output, serializeModel(result.model), { overwrite: values.force ?? false });
    for (const note of result.notes) writeErr(`${file}: ${note}`);
    writeErr(`wrote ${output}: ${result.model.nodes.length} nodes, ${result.model.edges.length} edges`);
    return EXIT.ok;
  },
};
