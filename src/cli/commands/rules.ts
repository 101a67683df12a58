import path from 'node:path';
import { promises as fs } from 'node:fs';
import { RULES, ruleById } from '../../lint';
import { renderRuleDocs, ruleDocMarkdown } from '../../lint/docs';
import { EXIT, parseCommandArgs, UsageError, writeOut, type Command } from '../command';
import { writeFileAtomic } from '../files';

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'list the rules, or show one rule’s documentation',
  usage: 'toc rules [ID] [--write-docs DIR]',
  help: `Without ID, lists every rule: id, lesson (1–8, or - for structural and approach-fit rules),
default severity and title. With ID, prints the rule's documentation: why it exists, the lesson it
comes from, how to fix what it reports, and an example that fails and one that passes.

Options:
  --write-docs DIR   write the documentation of every rule to DIR (DIR/README.md indexes them),
                     removing the pages of rules that no longer exist`,
  async run(argv) {
    const { positionals, values } = parseCommandArgs(argv, { 'write-docs': { type: 'string' } });
    if (values['write-docs'] !== undefined) {
      const dir = values['write-docs'];
      await fs.mkdir(dir, { recursive: true });
      const docs = renderRuleDocs();
      // Pages of rules that no longer exist go, so the directory is exactly the generated set.
      for (const name of await fs.readdir(dir)) if (name.endsWith('.md') && !docs.has(name)) await fs.rm(path.join(dir, name));
      for (const [name, text] of docs) await writeFileAtomic(path.join(dir, name), text, { overwrite: true });
      writeOut(`${docs.size} files written to ${dir}`);
      return EXIT.ok;
    }
    if (positionals.length > 1) throw new UsageError('name at most one rule');
    const id = positionals[0];
    if (id !== undefined) {
      const rule = ruleById(id);
      if (!rule) throw new UsageError(`no rule named ${id}; 'toc rules' lists them`);
      writeOut(ruleDocMarkdown(rule));
      return EXIT.ok;
    }
    const width = Math.max(...RULES.map((r) => r.meta.id.length));
    writeOut(`${'RULE'.padEnd(width)}  LESSON  SEVERITY  TITLE`);
    for (const { meta } of RULES) {
      writeOut(`${meta.id.padEnd(width)}  ${String(meta.lesson ?? '-').padEnd(6)}  ${meta.severity.padEnd(8)}  ${meta.title}`);
    }
    return EXIT.ok;
  },
};
