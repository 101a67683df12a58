// SARIF 2.1.0 for code-scanning tools: rule metadata, one result per finding with a logical
// location (the node or edge) and a physical one (file and line), and stable fingerprints.
import type { Finding, Severity } from '../types';
import { findingPosition, type FileResult, type Formatter } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const INVALID_FILE_RULE = 'model-invalid';

/** cyrb53: a fast, well-distributed 53-bit string hash; fingerprints only need to be stable. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const artifactUri = (file: string) => encodeURI(file.replace(/\\/g, '/'));

/** Stable across runs and edits elsewhere in the file: rule and element, or the message for
 * findings about the model as a whole. */
function fingerprint(file: string, finding: Finding): string {
  const element = finding.nodeId ?? finding.edgeId;
  return hash53([file, finding.rule, element === undefined ? `model|${finding.message}` : element].join('|'));
}

export const sarif: Formatter = (results, { rules, toolVersion }) => {
  const ruleIndex = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  const driverRules = [
    ...rules.map(({ meta }) => ({
      id: meta.id,
      shortDescription: { text: meta.title },
      fullDescription: { text: meta.rationale },
      help: { text: meta.fix },
      defaultConfiguration: { level: LEVEL[meta.severity] },
      properties: { lesson: meta.lesson, tags: meta.lesson === null ? ['structure'] : [`lesson-${meta.lesson}`] },
    })),
    {
      id: INVALID_FILE_RULE,
      shortDescription: { text: 'The file can be opened as a model' },
      fullDescription: { text: 'The file is valid JSON and follows the ToC Studio model format, version 1.' },
      help: { text: 'Fix each problem at the path given; `toc validate` lists them all.' },
      defaultConfiguration: { level: 'error' as const },
      properties: { lesson: null, tags: ['structure'] },
    },
  ];

  const sarifResults = results.flatMap((result: FileResult) => {
    const uri = artifactUri(result.file);
    const problems = result.problems.map((p) => ({
      ruleId: INVALID_FILE_RULE,
      ruleIndex: rules.length,
      level: 'error' as const,
      message: { text: `${p.path ? `${p.path}: ` : ''}${p.message}` },
      locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: p.line, startColumn: p.column } } }],
      partialFingerprints: { 'tocFinding/v1': hash53([result.file, INVALID_FILE_RULE, p.path, p.message].join('|')) },
    }));
    const findings = result.findings.map((finding) => {
      const { line, column } = findingPosition(result, finding);
      const element = finding.nodeId !== undefined ? { id: finding.nodeId, kind: 'node' } : finding.edgeId !== undefined ? { id: finding.edgeId, kind: 'edge' } : undefined;
      return {
        ruleId: finding.rule,
        ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
        level: LEVEL[finding.severity],
        message: { text: `${finding.message} Fix: ${finding.fix}` },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri }, region: { startLine: line, startColumn: column } },
            logicalLocations: [
              element
                ? { name: element.id, fullyQualifiedName: `${element.kind}s/${element.id}`, kind: 'object' }
                : { name: 'model', fullyQualifiedName: 'model', kind: 'module' },
            ],
          },
        ],
        partialFingerprints: { 'tocFinding/v1': fingerprint(result.file, finding) },
        ...(finding.suppressed ? { suppressions: [{ kind: 'inSource', justification: finding.suppressed.reason }] } : {}),
        properties: { lesson: finding.lesson },
      };
    });
    return [...problems, ...findings];
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ToC Studio', version: toolVersion, rules: driverRules } },
        artifacts: results.map((r) => ({ location: { uri: artifactUri(r.file) } })),
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
