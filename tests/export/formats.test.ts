import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Model as ModelSchema, serializeModel, type Model } from '../../src/model';
import { lint } from '../../src/lint';
import {
  buildNarrative,
  csvCell,
  exportCsv,
  exportDot,
  exportKumu,
  exportMermaid,
  importKumu,
  KumuImportError,
  narrativeHtml,
  narrativeMarkdown,
  planPdf,
} from '../../src/export';
import { mermaidText } from '../../src/export/mermaid';
import { dotString } from '../../src/export/dot';
import { EXAMPLES, HOSTILE_LABELS, hostileModel, loadExample } from './fixtures';

/** A small RFC 4180 reader, to read back what the writer wrote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"', i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (row.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t', ' =', '＝']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('writes the indicators and the risks, with CRLF rows that read back to the model values', () => {
    const model = loadExample('keystone-icu');
    const indicators = exportCsv(model, 'indicators');
    expect(indicators.endsWith('\r\n')).toBe(true);
    const rows = readCsv(indicators);
    const measures = model.nodes.filter((n) => n.kind === 'measure');
    expect(rows).toHaveLength(measures.length + 1);
    expect(rows[0]!.slice(0, 8)).toEqual(['ID', 'Measure', 'Type', 'Definition', 'Data source', 'Frequency', 'Baseline', 'Target']);
    for (const [i, m] of measures.entries()) expect(rows[i + 1]![1]).toBe(m.label);
    const risks = readCsv(exportCsv(model, 'risks'));
    expect(risks.length - 1).toBe(model.nodes.filter((n) => n.kind === 'risk').length);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('keeps hostile cells as text', () => {
    const rows = readCsv(exportCsv(hostileModel(), 'indicators'));
    const cells = rows[1]!;
    expect(cells[1]).toBe(`'${HOSTILE_LABELS.formula}`);
    expect(cells[3]).toBe("'-1 + 2");
    expect(cells[4]).toBe("'=cmd");
    expect(cells[7]).toBe("'@100");
    const risks = readCsv(exportCsv(hostileModel(), 'risks'));
    expect(risks[1]![1]).toBe(`'${HOSTILE_LABELS.at}`);
    expect(exportCsv(hostileModel(), 'risks', { bom: true }).startsWith('\uFEFF')).toBe(true);
  });
});

describe('Graphviz DOT', () => {
  const dot = (text: string) => spawnSync('dot', ['-Tsvg'], { input: text, encoding: 'utf8' });

  it('escapes quoted strings', () => {
    expect(dotString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });

  it.each([...EXAMPLES])('dot -Tsvg accepts %s and draws every label', (name) => {
    const model = loadExample(name);
    const run = dot(exportDot(model));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const text = run.stdout
      .replace(/<[^>]+>/g, ' ')
      .replace(/&(#\d+|[a-z]+);/g, (_, e: string) => (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (entities[e] ?? `&${e};`)))
      .replace(/\s+/g, '');
    for (const node of model.nodes) expect(text).toContain(node.label.replace(/\s+/g, ''));
  });

  it('keeps hostile labels as text', () => {
    const source = exportDot(hostileModel());
    const run = dot(source);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/<script|<img|evil -> x/);
    // One node statement per node and one edge statement per edge: nothing broke out of a string.
    expect(source.match(/^ {2}"[^"]+" \[label=/gm)).toHaveLength(11);
    expect(source.match(/^ {2}"[^"]+" -> "[^"]+" \[/gm)).toHaveLength(12);
  });
});

describe('Mermaid', () => {
  it('writes one node line per node and codes every special character', () => {
    const model = hostileModel();
    const text = exportMermaid(model);
    expect(text.split('\n')[1]).toBe('flowchart LR');
    const body = text.split('\n').slice(1).join('\n');
    expect(body).not.toMatch(/<script|<img|%%\{|"><|`/);
    expect(mermaidText('<a href="x">#1 & 50%</a>`')).toBe('#60;a href=#34;x#34;#62;#35;1 #38; 50#37;#60;/a#62;#96;');
    expect(text.match(/^ {2}n\d+/gm)).toHaveLength(model.nodes.length + model.edges.length);
  });
});

describe('Kumu', () => {
  it.each([...EXAMPLES])('round-trips %s without loss', (name) => {
    const model = loadExample(name);
    const { model: back, notes } = importKumu(exportKumu(model), { title: model.title });
    expect(notes).toEqual([]);
    const core = (m: Model) => serializeModel({ schemaVersion: 1, title: m.title, nodes: m.nodes, edges: m.edges });
    expect(core(back)).toBe(core(model));
  });

  it('imports a hand-written blueprint: kinds by type, labels as references, unknown fields kept', () => {
    const blueprint = {
      elements: [
        { label: 'Train nurses', type: 'Intervention', 'Favourite colour': 'teal', tags: ['a', 'b'] },
        { label: 'Nurses confident', type: 'Short-term Outcome', horizon: 'never' },
        { label: 'Fewer infections', type: 'Goal', description: 'The aim' },
        { label: 'Weather', type: 'Mood' },
        { label: 'Infection rate', type: 'KPI', frequency: 'monthly', measureType: 'outcome' },
        { label: 'Hospital', type: 'Organization' },
        { label: 'x'.repeat(250) },
      ],
      connections: [
        { from: 'Train nurses', to: 'Nurses confident', type: 'causes', description: 'practice makes confident' },
        { from: 'Nurses confident', to: 'Fewer infections' },
        { from: 'Infection rate', to: 'Fewer infections' },
        { from: 'Weather', to: 'Train nurses', direction: 'mutual' },
        { from: 'Nobody', to: 'Train nurses' },
      ],
      maps: [{ name: 'Main map' }],
    };
    const { model, notes } = importKumu(JSON.stringify(blueprint), { title: 'Imported' });
    expect(ModelSchema.safeParse(model).success).toBe(true);
    const byLabel = new Map(model.nodes.map((n) => [n.label.slice(0, 20), n]));
    expect(byLabel.get('Train nurses')).toMatchObject({ kind: 'activity', tags: ['a', 'b'], data: { kumu: { type: 'Intervention', 'Favourite colour': 'teal' } } });
    expect(byLabel.get('Nurses confident')).toMatchObject({ kind: 'outcome', data: { kumu: { horizon: 'never' } } });
    expect(byLabel.get('Nurses confident')).not.toHaveProperty('horizon');
    expect(byLabel.get('Fewer infections')).toMatchObject({ kind: 'impact', description: 'The aim' });
    expect(byLabel.get('Weather')).toMatchObject({ kind: 'context', data: { kumu: { type: 'Mood' } } });
    expect(byLabel.get('Infection rate')).toMatchObject({ kind: 'measure', frequency: 'monthly', measureType: 'outcome' });
    expect(byLabel.get('Hospital')).toMatchObject({ kind: 'stakeholder' });
    const long = model.nodes.find((n) => n.label.startsWith('xxx'))!;
    expect([...long.label].length).toBe(200);
    expect((long.data as { kumu: { label: string } }).kumu.label).toHaveLength(250);
    expect(model.edges.map((e) => e.kind)).toEqual(['leads-to', 'leads-to', 'measures', 'influences']);
    expect(model.edges[0]).toMatchObject({ rationale: 'practice makes confident', data: { kumu: { type: 'causes' } } });
    expect(model.edges[3]).toMatchObject({ data: { kumu: { direction: 'mutual' } } });
    expect(model.data).toMatchObject({ kumu: { maps: [{ name: 'Main map' }], unresolvedConnections: [{ from: 'Nobody', to: 'Train nurses' }] } });
    expect(notes.join('\n')).toMatch(/type "Mood" became context/);
    expect(notes.join('\n')).toMatch(/Nobody/);
  });

  it('imports a project backup (elements with _id and attributes)', () => {
    const backup = {
      name: 'My Kumu project',
      elements: [
        { _id: 'elem-1', attributes: { label: 'Coaching calls', 'element type': 'Activity' } },
        { _id: 'elem-2', attributes: { label: 'Peer norms', 'element type': 'Mechanism' } },
      ],
      connections: [{ _id: 'conn-1', from: 'elem-1', to: 'elem-2', direction: 'directed', attributes: { 'connection type': 'leads to' } }],
    };
    const { model } = importKumu(JSON.stringify(backup));
    expect(model.title).toBe('My Kumu project');
    expect(model.nodes.map((n) => [n.id, n.kind])).toEqual([['elem-1', 'activity'], ['elem-2', 'mechanism']]);
    expect(model.edges[0]).toMatchObject({ id: 'conn-1', kind: 'leads-to', source: 'elem-1', target: 'elem-2' });
  });

  it('refuses what is not a blueprint', () => {
    expect(() => importKumu('nope')).toThrow(KumuImportError);
    expect(() => importKumu('[]')).toThrow(KumuImportError);
    expect(() => importKumu('{"nodes": []}')).toThrow(/Kumu blueprint/);
  });
});

describe('narrative', () => {
  it('states each pathway as If … then … because … (assuming …)', () => {
    const model = loadExample('keystone-icu');
    const doc = buildNarrative(model, { findings: lint(model, { today: '2026-11-27' }) });
    const md = narrativeMarkdown(doc);
    expect(md).toMatch(/^# Keystone ICU/);
    expect(md).toMatch(/\d\. If \*\*[^*]+\*\*, then \*\*[^*]+\*\*, because /);
    expect(md).toMatch(/\(assuming [^)]+\)/);
    for (const heading of ['The aim', 'Pathways to the aim', 'Assumptions', 'Measurement plan', 'Risk register', 'Stakeholders and roles', 'Rule checker summary']) {
      expect(md).toContain(`## ${heading}`);
    }
    expect(md).toContain('Co-ordination and leadership');
    // Every label of the model appears (escaped) somewhere in the text.
    const plain = md.replace(/\\(.)/g, '$1');
    for (const node of model.nodes) expect(plain).toContain(node.label);
  });

  it('says when the rule checker was not run', () => {
    const md = narrativeMarkdown(buildNarrative(loadExample('keystone-icu')));
    expect(md).toContain('The rule checker was not run for this export.');
  });

  it('keeps hostile text as text in Markdown and HTML', () => {
    const model = hostileModel();
    const doc = buildNarrative(model, { findings: lint(model, { today: '2026-11-27' }) });
    const md = narrativeMarkdown(doc);
    // Every markup character of user text is backslash-escaped.
    expect(md).not.toMatch(/(^|[^\\])<(script|img)|(^|[^\\])\]\(javascript/m);
    const html = narrativeHtml(doc, { diagramSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' });
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<em>label/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });
});

describe('PDF page plan', () => {
  it('prints a small drawing on one page', () => {
    const plan = planPdf({ width: 800, height: 500, minFontSize: 10 }, { paper: 'A4', landscape: true });
    expect(plan.pages).toHaveLength(1);
    expect(plan.widthPt).toBeCloseTo(841.89, 1);
    expect(plan.minTextPt).toBeGreaterThanOrEqual(7);
  });

  it('tiles a large drawing with an overview and overlapping sheets, keeping text at 7 pt or more', () => {
    const plan = planPdf({ width: 3000, height: 2300, minFontSize: 10 }, { paper: 'A4', landscape: false });
    expect(plan.pages[0]!.kind).toBe('overview');
    expect(plan.pages.length).toBe(1 + plan.rows * plan.columns);
    expect(plan.minTextPt).toBeGreaterThanOrEqual(7);
    const [a, b] = plan.sheets;
    expect(a!.label).toBe('A1');
    expect(b!.label).toBe('A2');
    expect(a!.view.x + a!.view.width).toBeGreaterThan(b!.view.x); // overlap
    const last = plan.sheets[plan.sheets.length - 1]!;
    expect(last.view.x + last.view.width).toBeGreaterThanOrEqual(3000);
    expect(last.view.y + last.view.height).toBeGreaterThanOrEqual(2300);
  });

  it('uses larger paper to need fewer sheets', () => {
    const drawing = { width: 3000, height: 2300, minFontSize: 10 };
    const a4 = planPdf(drawing, { paper: 'A4', landscape: true }).sheets.length;
    const a3 = planPdf(drawing, { paper: 'A3', landscape: true }).sheets.length;
    const a2 = planPdf(drawing, { paper: 'A2', landscape: true }).sheets.length;
    expect(a4).toBeGreaterThan(a3);
    expect(a3).toBeGreaterThanOrEqual(a2);
  });
});
