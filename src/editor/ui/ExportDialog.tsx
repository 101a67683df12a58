// File → Export…: every format of docs/export.md, with a live preview of the diagram. The preview is
// the exported SVG shown as an <img> from a blob URL, so user labels can only ever be text.
import { useEffect, useId, useMemo, useState } from 'react';
import { exportDiagram, exportPdfPlan, exportText, FORMAT_EXTENSIONS, FORMAT_MEDIA_TYPES, isTextFormat, type ExportFormat, type ExportOptions, type Paper } from '../../export';
import { loadBrowserExport, type BrowserExport } from '../export/load';
import { modelFromDoc } from '../doc';
import { download, MODEL_EXTENSION, suggestedFileName } from '../file-io';
import { validRoutes, validStages } from '../layout-bridge';
import { useChunk } from './chunk';
import { useController, useEditor, useUi } from './context';

// Vite serves the bundled Inter files; the exporters ask for them by file name.
const FONT_FILES = import.meta.glob('/node_modules/@fontsource/inter/files/inter-*-{500,600,700}-normal.woff*', { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const urlFor = (fileName: string): string => {
  const url = FONT_FILES[`/node_modules/@fontsource/inter/files/${fileName}`];
  if (!url) throw new Error(`the font file ${fileName} is not bundled`);
  return url;
};
let fonts: ReturnType<BrowserExport['loadInterFonts']> | undefined;
const interFonts = (exporter: BrowserExport) => (fonts ??= exporter.loadInterFonts(urlFor));

const CHOICES = [
  { id: 'svg', label: 'SVG drawing' },
  { id: 'png', label: 'PNG picture' },
  { id: 'pdf', label: 'PDF for print' },
  { id: 'md', label: 'Markdown narrative' },
  { id: 'html', label: 'HTML narrative' },
  { id: 'docx', label: 'Word (DOCX) narrative' },
  { id: 'csv-indicators', label: 'CSV measurement plan (indicators)' },
  { id: 'csv-risks', label: 'CSV risk register' },
  { id: 'dot', label: 'Graphviz DOT' },
  { id: 'mermaid', label: 'Mermaid flowchart' },
  { id: 'kumu', label: 'Kumu JSON blueprint' },
] as const;
type Choice = (typeof CHOICES)[number]['id'];

const formatOf = (choice: Choice): ExportFormat => (choice.startsWith('csv') ? 'csv' : (choice as ExportFormat));

export function ExportDialogBody() {
  const controller = useController();
  const doc = useEditor((s) => s.doc);
  const findings = useEditor((s) => s.findings);
  const snapshot = useUi((s) => s.routes);
  const [choice, setChoice] = useState<Choice>('svg');
  const [paper, setPaper] = useState<Paper>('A4');
  const [landscape, setLandscape] = useState(true);
  const [scale, setScale] = useState(2);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  // The export libraries are fetched when the dialog first opens; Download waits for them, and a
  // failed fetch is tried again by Download.
  const [attempt, setAttempt] = useState(0);
  const libraries = useChunk(loadBrowserExport, attempt);
  const exporter = libraries.module;
  const error = saveError ?? libraries.error;
  const id = useId();
  const format = formatOf(choice);
  const model = modelFromDoc(doc);

  // The layout's routes and stage bands while they still match the model; positions are the model's.
  const options = useMemo<ExportOptions>(() => {
    const routes = Object.fromEntries(validRoutes(snapshot, doc));
    return { routes, stages: validStages(snapshot, doc), findings, paper, landscape, scale, table: choice === 'csv-risks' ? 'risks' : 'indicators' };
  }, [snapshot, doc, findings, paper, landscape, scale, choice]);

  const preview = useMemo(() => exportDiagram(model, options), [model, options]);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([preview.svg], { type: 'image/svg+xml' }));
    setPreviewUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [preview]);
  const plan = useMemo(() => (format === 'pdf' ? exportPdfPlan(model, options) : null), [format, model, options]);

  const save = async () => {
    setBusy(true);
    setSaveError(null);
    if (libraries.error) setAttempt((n) => n + 1);
    try {
      const exporter = await loadBrowserExport();
      const base = suggestedFileName(model.title).slice(0, -MODEL_EXTENSION.length);
      const name = `${base}${format === 'csv' ? `.${options.table}` : ''}${FORMAT_EXTENSIONS[format]}`;
      const withFonts = { ...options, fonts: await interFonts(exporter) };
      let data: string | Blob;
      if (isTextFormat(format)) data = exportText(model, format, format === 'svg' || format === 'html' ? withFonts : options);
      else if (format === 'png') {
        const diagram = exportDiagram(model, withFonts);
        data = await exporter.svgToPng(diagram.svg, { width: diagram.width, height: diagram.height, scale });
      } else if (format === 'pdf') data = await exporter.exportPdfInBrowser(model, options, urlFor);
      else data = await exporter.exportDocxInBrowser(model, withFonts);
      download(data, name, FORMAT_MEDIA_TYPES[format]);
      controller.notify(`Exported ${name}.`, 'success');
    } catch (e) {
      setSaveError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-dialog">
      <fieldset>
        <legend className="sr-only">Export settings</legend>
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
          {CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        {format === 'pdf' && (
          <>
            <label htmlFor={`${id}-paper`}>Paper size</label>
            <select id={`${id}-paper`} value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
              <option value="A4">A4</option>
              <option value="A3">A3</option>
              <option value="A2">A2</option>
            </select>
            <label>
              <input type="checkbox" checked={landscape} onChange={(e) => setLandscape(e.target.checked)} /> Landscape
            </label>
            {plan && (
              <p className="hint" data-testid="pdf-plan">
                {plan.pages.length} page{plan.pages.length === 1 ? '' : 's'}
                {plan.pages.length > 1 ? ` (overview and ${plan.rows} × ${plan.columns} sheets)` : ''}; smallest text {plan.minTextPt.toFixed(1)} pt.
              </p>
            )}
          </>
        )}
        {format === 'png' && (
          <>
            <label htmlFor={`${id}-scale`}>Scale (pixels per unit)</label>
            <input id={`${id}-scale`} type="number" min={1} max={4} step={1} value={scale} onChange={(e) => setScale(Math.min(4, Math.max(1, Math.round(Number(e.target.value)) || 1)))} />
          </>
        )}
        <div className="button-row">
          <button type="button" className="primary" disabled={busy || (!exporter && !error)} onClick={() => void save()}>
            {busy ? 'Preparing…' : !exporter && !error ? 'Preparing export…' : 'Download'}
          </button>
        </div>
        {error && (
          <p className="warning-text" role="alert">
            Export failed: {error}
          </p>
        )}
      </fieldset>
      <div className="export-preview">
        {previewUrl && <img src={previewUrl} alt={`Preview of the diagram “${model.title}”`} width={preview.width} height={preview.height} />}
      </div>
    </div>
  );
}
