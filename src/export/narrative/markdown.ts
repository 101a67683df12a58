// The narrative as CommonMark/GitHub Markdown. Every piece of model text goes through escapeMarkdown,
// so a label is shown, never interpreted (no links, no HTML, no emphasis from user text).
import { escapeMarkdown } from '../../model';
import type { Block, Inline, NarrativeDocument } from './build';

export interface MarkdownOptions {
  /** Path or URL of the diagram image to link where the document places the diagram. */
  diagramHref?: string;
}

function inline(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      if (typeof run === 'string') return escapeMarkdown(run);
      if ('strong' in run) return `**${escapeMarkdown(run.strong)}**`;
      return `*${escapeMarkdown(run.em)}*`;
    })
    .join('');
}

const cell = (text: string) => escapeMarkdown(text) || ' ';

function block(b: Block, options: MarkdownOptions): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return inline(b.runs);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${inline(item)}`).join('\n');
    case 'table':
      return [
        `| ${b.columns.map(cell).join(' | ')} |`,
        `| ${b.columns.map(() => '---').join(' | ')} |`,
        ...b.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'record':
      return [`#### ${escapeMarkdown(b.title)}`, '', ...b.fields.map(([name, value]) => `- **${escapeMarkdown(name)}:** ${escapeMarkdown(value)}`)].join('\n');
    case 'diagram':
      if (!options.diagramHref) return `*${escapeMarkdown(b.caption)} (export the diagram with \`toc export --format svg\`)*`;
      // The href is ours (a file name next to the document); escaped for the link syntax all the same.
      return `![${escapeMarkdown(b.caption)}](<${options.diagramHref.replace(/[<>\n\r]/g, '')}>)\n\n*${escapeMarkdown(b.caption)}*`;
  }
}

export function narrativeMarkdown(doc: NarrativeDocument, options: MarkdownOptions = {}): string {
  return `${doc.blocks.map((b) => block(b, options)).join('\n\n')}\n`;
}
