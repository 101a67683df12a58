import { serializeModel } from '../../model';
import { EXIT, parseCommandArgs, UsageError, writeOut, type Command } from '../command';
import { writeFileAtomic } from '../files';
import { BLANK_TEMPLATE, loadTemplate, templateNames } from '../templates';

export const newCommand: Command = {
  name: 'new',
  summary: 'start a model file from a template',
  usage: 'toc new [--template NAME] [--title TEXT] [--force] FILE',
  help: `Creates FILE from a template: '${BLANK_TEMPLATE}' (the default) or one of the bundled examples.
An existing file is never overwritten unless --force is given.

Options:
  --template NAME   the template to start from (see --list)
  --title TEXT      the programme's name
  --force           overwrite FILE if it exists
  --list            list the templates and exit`,
  async run(argv) {
    const { positionals, values } = parseCommandArgs(argv, {
      template: { type: 'string', short: 't' },
      title: { type: 'string' },
      force: { type: 'boolean' },
      list: { type: 'boolean' },
    });
    if (values.list) {
      writeOut((await templateNames()).join('\n'));
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('name exactly one file to create');
    const file = positionals[0]!;
    const name = values.template ?? BLANK_TEMPLATE;
    const template = await loadTemplate(name);
    if (!template) throw new UsageError(`no template named ${name}; templates: ${(await templateNames()).join(', ')}`);
    if (values.title !== undefined && (values.title.trim() === '' || values.title.length > 200)) {
      throw new UsageError('--title must be 1–200 characters');
    }
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const model = {
      ...template,
      title: values.title ?? template.title,
      meta: { ...template.meta, created: now, updated: now },
    };
    await writeFileAtomic(file, serializeModel(model), { overwrite: values.force === true });
    writeOut(`${file}: created from the ${name} template`);
    return EXIT.ok;
  },
};
