import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Model } from '../../model';
import { lint } from '../../lint';
import type { Finding } from '../../lint/types';
import { layoutModel } from '../../layout';
import {
  CSV_TABLES,
  EXPORT_FORMATS,
  FORMAT_EXTENSIONS,
  exportDiagram,
  exportDocx,
  exportPdfPlan,
  exportText,
  isTextFormat,
  PAPERS,
  type CsvTable,
  type ExportFormat,
  type ExportOptions,
  type Paper,
} from '../../export';
import { ChromiumUnavailable, launchChromium, type Chromium } from '../export/chromium';
import { loadInterFonts } from '../export/fonts';
import { EXIT, parseCommandArgs, UsageError, writeErr, writeOut, type Command } from '../command';
import { loadModelFile, MODEL_EXTENSION } from '../files';
import { ConfigFinder } from '../config';
import { formatProblem } from './validate';

const USAGE =
  'toc export FILE --format svg|png|pdf|md|html|docx|csv|dot|mermaid|kumu [--paper A4|A3|A2] [--landscape] [--scale N] [--table indicators|risks] [-o OUT]';

export const exportCommand: Command = {
  name: 'export',
  summary: 'export a model as a diagram (SVG, PNG, PDF), a narrative (Markdown, HTML, DOCX) or data (CSV, DOT, Mermaid, Kumu)',
  usage: USAGE,
  help: `Writes one export of a model. The diagram and the narrative come from the same model, so they agree.

Formats:
  svg       the diagram, self-contained (Inter embedded), labels as real text
  png       the diagram as pixels (--scale 1–4, default 2); needs Chromium
  pdf       the diagram for print: one page when no text falls under 7 pt, else an overview page
            and overlapping sheets (--paper A4|A3|A2, default A4; --landscape); needs Chromium
  md        the narrative as Markdown; the diagram is written beside it as OUT.svg and linked
  html      the narrative as one standalone HTML file with the diagram inside
  docx      the narrative as a Word document with the diagram as a picture; needs Chromium
  csv       the measurement plan (--table indicators) or the risk register (--table risks);
            without --table both are written, as OUT.indicators.csv and OUT.risks.csv
  dot       Graphviz (dot -Tsvg FILE.dot)
  mermaid   a Mermaid flowchart
  kumu      a Kumu JSON blueprint (toc import --from kumu reads it back)

Options:
  -f, --format FORMAT     required
  -o, --output OUT        where to write (default: FILE's name with the format's extension, beside
                          it); "-" writes to standard output. Files are replaced atomically; a
                          .toc.json file is never overwritten.
  --paper A4|A3|A2        PDF paper size (default A4)
  --landscape             PDF in landscape
  --scale N               PNG scale, 1 to 4 (default 2)
  --table indicators|risks  which CSV table
  --layout auto|stored    auto: lay the model out (tidy routed edges); stored: the positions saved in
                          the file (default: stored when every node has one, else auto)
  --date YYYY-MM-DD       the date in the title block (default today, or SOURCE_DATE_EPOCH)
  --doc-version TEXT      the version in the title block
  --badges                draw rule checker findings on the diagram
  --no-legend             leave the legend out of the diagram
  --bom                   start CSV with a UTF-8 byte order mark (for Excel)
  --no-config             ignore toc.config.json when running the rule checker

Exit status: 0 written, 1 the model is invalid, 2 usage error or the export failed.`,
  async run(argv) {
    const { positionals, values } = parseCommandArgs(argv, {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      paper: { type: 'string' },
      landscape: { type: 'boolean' },
      scale: { type: 'string' },
      table: { type: 'string' },
      layout: { type: 'string' },
      date: { type: 'string' },
      'doc-version': { type: 'string' },
      badges: { type: 'boolean' },
      'no-legend': { type: 'boolean' },
      bom: { type: 'boolean' },
      'no-config': { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the model file to export' : 'export one file at a time');
    const file = positionals[0]!;
    const format = values.format as ExportFormat | undefined;
    if (format === undefined) throw new UsageError(`choose a --format: ${EXPORT_FORMATS.join(', ')}`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}`);
    const paper = (values.paper ?? 'A4').toUpperCase() as Paper;
    if (!Object.hasOwn(PAPERS, paper)) throw new UsageError(`--paper must be A4, A3 or A2, not "${values.paper}"`);
    const scale = values.scale === undefined ? 2 : Number(values.scale);
    if (!Number.isFinite(scale) || scale < 1 || scale > 4) throw new UsageError(`--scale must be a number from 1 to 4, not "${values.scale}"`);
    const table = values.table as CsvTable | undefined;
    if (table !== undefined && !CSV_TABLES.includes(table)) throw new UsageError(`--table must be indicators or risks, not "${table}"`);
    const layoutMode = values.layout;
    if (layoutMode !== undefined && layoutMode !== 'auto' && layoutMode !== 'stored') throw new UsageError(`--layout must be auto or stored, not "${layoutMode}"`);
    const date = values.date ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, not "${date}"`);

    const loaded = await loadModelFile(file);
    if ('unreadable' in loaded) throw new UsageError(`${file}: cannot read: ${loaded.unreadable}`);
    if (!loaded.ok) {
      for (const problem of loaded.problems) writeOut(formatProblem(file, problem));
      return EXIT.findings;
    }
    const model = loaded.model;

    const options: ExportOptions = {
      date,
      version: values['doc-version'],
      paper,
      landscape: values.landscape ?? false,
      scale,
      table,
      bom: values.bom ?? false,
      badges: values.badges ?? false,
      legend: !values['no-legend'],
    };
    const needsDiagram = format !== 'csv' && format !== 'dot' && format !== 'mermaid' && format !== 'kumu';
    if (needsDiagram) {
      options.fonts = loadInterFonts();
      const auto = layoutMode === 'auto' || (layoutMode === undefined && model.nodes.some((n) => !n.position));
      if (auto && model.nodes.length > 0) {
        const result = await layoutModel(model);
        options.positions = result.positions;
        options.routes = result.routes;
        options.stages = { direction: result.direction, bands: result.stages };
      }
    }
    if (format === 'md' || format === 'html' || format === 'docx' || options.badges) {
      options.findings = await findingsFor(file, model, values['no-config'] ?? false);
    }

    const outputs = plannedOutputs(file, format, values.output, table);
    const written: string[] = [];
    const write = async (target: string, content: string | Uint8Array) => {
      if (target === '-') {
        process.stdout.write(content);
        return;
      }
      await writeAtomic(target, content, file);
      written.push(target);
    };

    let chromium: Chromium | undefined;
    try {
      if (isTextFormat(format)) {
        if (format === 'csv') {
          for (const [which, target] of outputs) await write(target, exportText(model, 'csv', { ...options, table: which as CsvTable }));
        } else if (format === 'md') {
          const [, target] = outputs[0]!;
          let diagramHref: string | undefined;
          if (target !== '-') {
            const svgFile = target.replace(/\.md$/i, '') + '.svg';
            await write(svgFile, exportDiagram(model, options).svg);
            diagramHref = path.basename(svgFile);
          }
          await write(target, exportText(model, 'md', { ...options, diagramHref }));
        } else {
          await write(outputs[0]![1], exportText(model, format, options));
        }
      } else {
        chromium = await launchChromium();
        const c = chromium;
        const target = outputs[0]![1];
        if (format === 'png') {
          const diagram = exportDiagram(model, options);
          await write(target, await c.png(diagram.svg, { width: diagram.width, height: diagram.height, scale }));
        } else if (format === 'pdf') {
          await write(target, await c.pdf(exportPdfPlan(model, options)));
        } else {
          await write(target, await exportDocx(model, options, (diagram, s) => c.png(diagram.svg, { width: diagram.width, height: diagram.height, scale: s })));
        }
      }
    } catch (error) {
      if (error instanceof ChromiumUnavailable || error instanceof RangeError) {
        writeErr(`toc export: ${error.message}`);
        return EXIT.usage;
      }
      throw error;
    } finally {
      await chromium?.close();
    }
    if (written.length > 0) writeErr(written.map((w) => `wrote ${w}`).join('\n'));
    return EXIT.ok;
  },
};

/** Today as YYYY-MM-DD, or the day of SOURCE_DATE_EPOCH for reproducible builds. */
function today(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}

async function findingsFor(file: string, model: Model, noConfig: boolean): Promise<Finding[]> {
  const config = noConfig ? undefined : await new ConfigFinder().find(file);
  return lint(model, { projectRules: config?.rules });
}

/** The files an export writes: [table or format, path] pairs. */
export function plannedOutputs(file: string, format: ExportFormat, output: string | undefined, table: CsvTable | undefined): [string, string][] {
  const base = path.join(path.dirname(file), path.basename(file).replace(/\.toc\.json$|\.json$/i, ''));
  if (format === 'csv' && table === undefined) {
    if (output === '-') throw new UsageError('CSV to standard output needs --table indicators or --table risks');
    const stem = output !== undefined ? output.replace(/\.csv$/i, '') : base;
    return CSV_TABLES.map((t) => [t, `${stem}.${t}.csv`]);
  }
  const target = output ?? (format === 'csv' ? `${base}.${table}.csv` : `${base}${FORMAT_EXTENSIONS[format]}`);
  return [[table ?? format, target]];
}

/**
 * Writes through a temporary file and a rename, so a reader never sees half a file. An export may
 * replace an earlier export, but never a model file (the input or any .toc.json).
 */
export async function writeAtomic(target: string, content: string | Uint8Array, input: string): Promise<void> {
  if (target.toLowerCase().endsWith(MODEL_EXTENSION) || path.resolve(target) === path.resolve(input)) {
    throw new UsageError(`refusing to overwrite the model file ${target}; choose another -o`);
  }
  const dir = path.dirname(target);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new UsageError(`cannot write ${target}: the directory ${dir} does not exist`);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = await fs.stat(target).then((s) => s.mode & 0o777, () => 0o644);
  const handle = await fs.open(temporary, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    throw error;
  }
  try {
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new UsageError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
