// Models for the export tests: the examples, and a hostile one whose user text tries to break out of
// every format the exporter writes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseModel, type Model } from '../../src/model';
import { EXAMPLES_DIR } from '../helpers/paths';

export function loadExample(name: string): Model {
  const result = parseModel(readFileSync(path.join(EXAMPLES_DIR, `${name}.toc.json`), 'utf8'));
  if (!result.ok) throw new Error(`example ${name} is invalid`);
  return result.model;
}

export const EXAMPLES = ['keystone-icu', 'emergency-laparotomy-collaborative', 'project-echo-hepatitis-c'] as const;

/** Labels that are markup, formulas or syntax in one format or another. */
export const HOSTILE_LABELS = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(1)>',
  formula: '=HYPERLINK("http://evil.test","click")',
  plus: '+cmd|\' /C calc\'!A0',
  at: '@SUM(1+1)',
  dot: 'a" ] ; evil -> x [label="pwned',
  backslash: 'ends with a backslash \\',
  mermaid: '%%{init: {"securityLevel":"loose"}}%% click n1 call alert(1)',
  cdata: ']]><!-- -->&amp; <![CDATA[x]]>',
  markdown: '[link](javascript:alert(1)) **bold** `code` # heading | pipe',
  // Scripts Inter covers; CJK and others fall back to system fonts, which a CI image may lack.
  unicode: 'Ärzte · Здоровье · Ελλάδα · Ünïcödé “quotes”',
} as const;

export function hostileModel(): Model {
  const L = HOSTILE_LABELS;
  return {
    schemaVersion: 1,
    title: '<b>Title</b> & "quotes" =1+1',
    summary: '<script>alert("summary")</script>',
    problem: '<img src=x onerror=alert(2)>',
    nodes: [
      { id: 'in', kind: 'input', label: L.plus, resource: 'funding', secured: true },
      { id: 'act', kind: 'activity', label: L.script, category: 'convening', strategy: 'soft' },
      { id: 'mech', kind: 'mechanism', label: L.mermaid, mechanism: 'peer-norming', direction: 'horizontal' },
      { id: 'out', kind: 'output', label: L.dot },
      { id: 'oc', kind: 'outcome', label: L.img, horizon: 'short' },
      { id: 'aim', kind: 'impact', label: L.unicode },
      { id: 'as', kind: 'assumption', label: L.cdata, status: 'untested', evidence: '<i>none</i>' },
      { id: 'ctx', kind: 'context', label: L.backslash, valence: 'barrier' },
      { id: 'risk', kind: 'risk', label: L.at, risk: 'gaming', likelihood: 'high', severity: 'medium' },
      { id: 'sh', kind: 'stakeholder', label: L.markdown, role: 'core-team' },
      { id: 'm', kind: 'measure', label: L.formula, measureType: 'process', definition: '-1 + 2', dataSource: '=cmd', frequency: 'monthly', target: '@100' },
    ],
    edges: [
      { id: 'e1', kind: 'enables', source: 'in', target: 'act' },
      { id: 'e2', kind: 'leads-to', source: 'act', target: 'mech', rationale: '<script>alert("rationale")</script>' },
      { id: 'e3', kind: 'leads-to', source: 'mech', target: 'out', rationale: 'because "quotes" & <tags>' },
      { id: 'e4', kind: 'leads-to', source: 'out', target: 'oc' },
      { id: 'e5', kind: 'leads-to', source: 'oc', target: 'aim', label: '<em>label</em>' },
      { id: 'e6', kind: 'underpins', source: 'as', target: 'oc', edge: 'e4' },
      { id: 'e7', kind: 'influences', source: 'ctx', target: 'act', effect: 'weakens' },
      { id: 'e8', kind: 'threatens', source: 'risk', target: 'oc' },
      { id: 'e9', kind: 'mitigates', source: 'act', target: 'risk' },
      { id: 'e10', kind: 'owns', source: 'sh', target: 'act' },
      { id: 'e11', kind: 'measures', source: 'm', target: 'oc' },
      { id: 'e12', kind: 'feeds-back', source: 'm', target: 'sh', format: 'run-chart' },
    ],
  } as Model;
}

/** Text with all whitespace removed, for finding a wrapped label in extracted text. */
export const squash = (text: string) => text.replace(/\s+/g, '');
