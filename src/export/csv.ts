// The measurement plan and the risk register as CSV (RFC 4180): CRLF line ends, fields quoted when
// they hold a comma, quote or line break, quotes doubled. A cell a spreadsheet would run as a formula
// (=, +, -, @, or a tab or carriage return first) gets a leading apostrophe: a label is never code.
import { GraphIndex, type EdgeOfKind, type Model, type TocNode } from '../model';

export type CsvTable = 'indicators' | 'risks';
export const CSV_TABLES: readonly CsvTable[] = ['indicators', 'risks'];

const FORMULA_START = /^[\s\u00A0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;

/** A cell as a spreadsheet may open it: defused if it would start a formula, then quoted if needed. */
export function csvCell(value: string): string {
  let text = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  return (options.bom ? '\uFEFF' : '') + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const labels = (nodes: readonly TocNode[]) => nodes.map((n) => n.label).join('; ');
const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');

export function indicatorRows(model: Model): string[][] {
  const graph = new GraphIndex(model);
  const header = [
    'ID', 'Measure', 'Type', 'Definition', 'Data source', 'Frequency', 'Baseline', 'Target', 'Target date',
    'Same definition at every site', 'Collection burden', 'Measures', 'Feedback to', 'Feedback format', 'Owner', 'Description',
  ];
  const rows = graph.nodesOfKind('measure').map((m) => {
    const feedback = graph.out(m.id, 'feeds-back') as EdgeOfKind<'feeds-back'>[];
    return [
      m.id, m.label, m.measureType ?? '', m.definition ?? '', m.dataSource ?? '', m.frequency ?? '', m.baseline ?? '', m.target ?? '',
      m.targetDate ?? '', yesNo(m.sharedDefinition), m.burden ?? '', labels(graph.successors(m.id, 'measures')),
      labels(graph.successors(m.id, 'feeds-back')),
      [...new Set(feedback.map((e) => [e.format?.replace(/-/g, ' '), e.frequency].filter(Boolean).join(', ')).filter(Boolean))].join('; '),
      labels(graph.predecessors(m.id, 'owns')), m.description ?? '',
    ];
  });
  return [header, ...rows];
}

export function riskRows(model: Model): string[][] {
  const graph = new GraphIndex(model);
  const header = ['ID', 'Risk', 'Type', 'Likelihood', 'Severity', 'Threatens', 'Mitigation', 'Owner', 'Description'];
  const rows = graph.nodesOfKind('risk').map((r) => [
    r.id, r.label, r.risk ?? '', r.likelihood ?? '', r.severity ?? '', labels(graph.successors(r.id, 'threatens')),
    labels(graph.predecessors(r.id, 'mitigates')), labels(graph.predecessors(r.id, 'owns')), r.description ?? '',
  ]);
  return [header, ...rows];
}

export function exportCsv(model: Model, table: CsvTable, options: { bom?: boolean } = {}): string {
  return csvRows(table === 'indicators' ? indicatorRows(model) : riskRows(model), options);
}
