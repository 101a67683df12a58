// The narrative as one standalone HTML file: no scripts, no external resources, a Content Security
// Policy that forbids both, and every piece of model text escaped with escapeXml.
import { escapeXml } from '../../model';
import type { Block, Inline, NarrativeDocument } from './build';

export interface HtmlOptions {
  /** The diagram as an SVG document (renderSvg's output), inlined where the document places it. */
  diagramSvg?: string;
  /** @font-face rules for the page text (optional; the page falls back to system sans-serif). */
  fontCss?: string;
}

function inline(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      if (typeof run === 'string') return escapeXml(run);
      if ('strong' in run) return `<strong>${escapeXml(run.strong)}</strong>`;
      return `<em>${escapeXml(run.em)}</em>`;
    })
    .join('');
}

function block(b: Block, options: HtmlOptions): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level}>${escapeXml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b.runs)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return (
        `<div class="table"><table><thead><tr>${b.columns.map((c) => `<th scope="col">${escapeXml(c)}</th>`).join('')}</tr></thead><tbody>` +
        b.rows.map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${escapeXml(c)}</th>` : `<td>${escapeXml(c)}</td>`)).join('')}</tr>`).join('') +
        `</tbody></table></div>`
      );
    case 'record':
      return (
        `<section class="record"><h4>${escapeXml(b.title)}</h4><dl>` +
        b.fields.map(([name, value]) => `<dt>${escapeXml(name)}</dt><dd>${escapeXml(value)}</dd>`).join('') +
        `</dl></section>`
      );
    case 'diagram':
      if (!options.diagramSvg) return '';
      // The SVG comes from renderSvg, which escapes all model text; only its XML declaration goes.
      return `<figure>${options.diagramSvg.replace(/^<\?xml[^>]*\?>\s*/, '')}<figcaption>${escapeXml(b.caption)}</figcaption></figure>`;
  }
}

const STYLE = `
body{font-family:Inter,'Noto Sans','DejaVu Sans',system-ui,sans-serif;color:#1A1A1A;line-height:1.5;max-width:60rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.8rem;line-height:1.25;margin-bottom:.25rem}h2{margin-top:2.2rem;border-bottom:1px solid #C9D1D9;padding-bottom:.2rem}
h3{margin-top:1.6rem}h4{margin:1.2rem 0 .3rem}
.table{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border:1px solid #C9D1D9;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{background:#E9EDF1}tbody th{font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto;border:1px solid #E9EDF1}figcaption{font-style:italic;color:#3D4852}
@media print{body{max-width:none;margin:0}h2{break-after:avoid}table,figure,.record{break-inside:avoid}}
`;

export function narrativeHtml(doc: NarrativeDocument, options: HtmlOptions = {}): string {
  return (
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="ToC Studio">\n` +
    `<title>${escapeXml(doc.title)}</title>\n<style>${STYLE}${options.fontCss ?? ''}</style>\n</head>\n<body>\n<main>\n` +
    doc.blocks.map((b) => block(b, options)).filter(Boolean).join('\n') +
    `\n</main>\n</body>\n</html>\n`
  );
}
