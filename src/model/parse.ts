// Text in, model or every problem out. JSON.parse does the fast work; jsonc-parser is consulted
// only to say where a problem is. Problems are worded for the people who write these files.
import type { z } from 'zod';
import { Model, SCHEMA_VERSION, ID_PATTERN, MAX_COORDINATE, NODE_SCHEMAS, EDGE_SCHEMAS } from './schema';
import { EDGE_KINDS, NODE_KINDS } from './vocabulary';
import { formatPath, locatePaths, syntaxProblems, type PathSegment } from './json-location';

/** Documented limits (README, "Limits"): refused with a message, never a crash. */
export const LIMITS = {
  /** Larger files are refused before they are read or parsed. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Objects and lists nested deeper than this (in `data`, typically) are refused. */
  maxDepth: 64,
} as const;

/** Keys that reach into a JavaScript object's prototype; refused anywhere in a file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface Problem {
  /** JSON path such as `nodes[3].kind`; empty for the file as a whole. */
  path: string;
  message: string;
  line: number;
  column: number;
}

type Failure = { ok: false; problems: Problem[] };
export type ParseResult = { ok: true; model: Model } | Failure;

interface PendingProblem {
  path: PathSegment[];
  message: string;
}

const wholeFile = (message: string): Failure => ({
  ok: false,
  problems: [{ path: '', message, line: 1, column: 1 }],
});

/** Decodes file bytes strictly: a byte-order mark or invalid UTF-8 is reported, never guessed at. */
export function decodeModelBytes(bytes: Uint8Array): { ok: true; text: string } | Failure {
  if (bytes.length > LIMITS.maxFileBytes) return tooLarge(bytes.length);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return wholeFile(
      'the file starts with a UTF-8 byte-order mark (BOM), which JSON does not allow; save it as UTF-8 without BOM',
    );
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return wholeFile(
      `the file is not valid UTF-8 (first bad byte at offset ${offset}); save it with UTF-8 encoding`,
    );
  }
}

export function tooLarge(size: number): Failure {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return wholeFile(`the file is ${mib(size)}; ToC Studio opens models up to ${mib(LIMITS.maxFileBytes)}`);
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let low = 0;
  let high = bytes.length;
  // The shortest failing prefix ends within a few bytes of the bad sequence.
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      decoder.decode();
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}

/** Parses and validates a model file's text, returning the model or every problem found. */
export function parseModel(text: string): ParseResult {
  if (text.length > LIMITS.maxFileBytes) return tooLarge(text.length);
  if (text.charCodeAt(0) === 0xfeff) {
    return wholeFile('the file starts with a byte-order mark (BOM), which JSON does not allow; save it without BOM');
  }
  if (text.trim() === '') {
    return wholeFile('the file is empty; a model is a JSON object such as {"schemaVersion": 1, "title": "…", "nodes": [], "edges": []}');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const offset = position ? Number(position[1]) : 0;
    return { ok: false, problems: syntaxProblems(text, offset).map((p) => ({ path: '', ...p })) };
  }
  const pending = collectProblems(raw);
  if (pending.length === 0) return { ok: true, model: raw as Model };
  const positions = locatePaths(text, pending.map((p) => p.path));
  const problems = pending.map(({ path, message }, i) => ({ path: formatPath(path), message, ...positions[i]! }));
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, problems };
}

/** Validates an already parsed value (for example from the editor's store or a script). */
export function validateModelValue(value: unknown): { ok: true; model: Model } | { ok: false; problems: PendingProblem[] } {
  const pending = collectProblems(value);
  return pending.length === 0 ? { ok: true, model: value as Model } : { ok: false, problems: pending };
}

function collectProblems(raw: unknown): PendingProblem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [{ path: [], message: `the file holds ${describe(raw)}, not a model; a model is a JSON object with "schemaVersion", "title", "nodes" and "edges"` }];
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    return [
      {
        path: ['schemaVersion'],
        message: `schemaVersion ${version} is newer than this version of ToC Studio supports (${SCHEMA_VERSION}); update ToC Studio to open it`,
      },
    ];
  }
  const problems = structuralProblems(raw);
  const result = Model.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...describeIssue(issue, raw));
    problems.push(...unknownKindBaseProblems(raw));
  }
  problems.push(...referenceProblems(raw as Record<string, unknown>));
  return problems;
}

/** Prototype keys and excessive nesting, found in one iterative walk (no recursion to overflow). */
function structuralProblems(root: object): PendingProblem[] {
  const problems: PendingProblem[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= LIMITS.maxDepth) {
      problems.push({
        path,
        message: `nested more than ${LIMITS.maxDepth} levels deep; ToC Studio refuses such data, so flatten it`,
      });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({
          path: [...path, key],
          message: `"${key}" cannot be used as a key (programs reading the file could be subverted by it); rename it`,
        });
      } else {
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return problems;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Object.hasOwn(value, segment) ? (value as Record<PropertyKey, unknown>)[segment] : undefined;
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `text "${value.slice(0, 37)}…"` : `text "${value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    default:
      return 'an object';
  }
}

/** Quoted user text, shortened, with invisible characters (zero-width, controls) made visible. */
function quote(value: unknown): string {
  if (typeof value !== 'string') return describe(value);
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  const visible = JSON.stringify(short).replace(
    /[\p{Cf}\p{Zl}\p{Zp}]/gu,
    (ch) => `\\u${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u.test(value) ? `${visible} (it contains an invisible character)` : visible;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

const REQUIRED_HINTS: Record<string, string> = {
  schemaVersion: `the model needs "schemaVersion": ${SCHEMA_VERSION}`,
  title: 'the model needs a title (1–200 characters)',
  nodes: 'the model needs a "nodes" list (it may be empty)',
  edges: 'the model needs an "edges" list (it may be empty)',
  id: 'an id is required (1–64 letters, digits or _ - . :)',
  label: 'a label is required (1–200 characters)',
  source: 'an edge needs the id of its source node',
  target: 'an edge needs the id of its target node',
  citation: 'an evidence entry needs a citation',
  name: 'a site needs a name',
  rule: 'a suppression needs the id of the rule it silences',
  reason: 'a suppression needs a reason',
  x: 'a position needs x and y',
  y: 'a position needs x and y',
};

/** Which node kinds define each attribute, to explain an attribute put on the wrong kind. */
const ATTRIBUTE_OWNERS: Map<string, string[]> = (() => {
  const owners = new Map<string, string[]>();
  const add = (key: string, kind: string) => owners.set(key, [...(owners.get(key) ?? []), kind]);
  for (const [kind, schema] of Object.entries(NODE_SCHEMAS)) for (const key of Object.keys(schema.shape)) add(`node:${key}`, `${kind} nodes`);
  for (const [kind, schema] of Object.entries(EDGE_SCHEMAS)) for (const key of Object.keys(schema.shape)) add(`edge:${key}`, `${kind} edges`);
  return owners;
})();

function describeIssue(issue: z.core.$ZodIssue, root: unknown): PendingProblem[] {
  const path = issue.path as PathSegment[];
  const value = valueAt(root, path);
  const key = path[path.length - 1];
  const container = path[0] === 'nodes' ? 'node' : path[0] === 'edges' ? 'edge' : undefined;
  const one = (message: string): PendingProblem[] => [{ path, message }];

  switch (issue.code) {
    case 'invalid_union': {
      if (issue.discriminator === undefined) break;
      const kinds = container === 'edge' ? EDGE_KINDS : NODE_KINDS;
      if (value === undefined) return one(`missing; every ${container ?? 'item'} needs a kind: one of ${kinds.join(', ')}`);
      return one(`${quote(value)} is not ${container === 'edge' ? 'an edge' : 'a node'} kind; expected one of ${kinds.join(', ')}`);
    }
    case 'unrecognized_keys': {
      const parent = valueAt(root, path) as Record<string, unknown>;
      const ownKind = typeof parent?.kind === 'string' ? `${parent.kind} ${container ?? ''}s`.trim() : undefined;
      return issue.keys.filter((unknownKey) => !FORBIDDEN_KEYS.has(unknownKey)).map((unknownKey) => {
        const owners = ATTRIBUTE_OWNERS.get(`${container}:${unknownKey}`)?.filter((owner) => owner !== ownKind);
        const hint =
          container && owners && owners.length > 0
            ? `"${unknownKey}" belongs to ${owners.join(', ')}, not to ${ownKind ?? 'this'}`
            : `unknown key "${unknownKey}"`;
        return { path: [...path, unknownKey], message: `${hint}; put your own fields under "data"` };
      });
    }
    case 'invalid_type': {
      if (value === undefined) {
        return one(`missing; ${REQUIRED_HINTS[String(key)] ?? 'this key is required'}`);
      }
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return one(`this number is too large to use; expected ${EXPECTED[issue.expected] ?? issue.expected} of sensible size`);
      }
      return one(`expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(value)}`);
    }
    case 'invalid_value': {
      if (key === 'schemaVersion') {
        if (value === undefined) return one(`missing; ${REQUIRED_HINTS.schemaVersion}`);
        return one(`${describe(value)} is not a supported schemaVersion; this version of ToC Studio reads version ${SCHEMA_VERSION}`);
      }
      return one(`${quote(value)} is not allowed here; expected one of ${issue.values.map(String).join(', ')}`);
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'string') {
        if (issue.code === 'too_small') return one('must not be empty');
        return one(`is ${(value as string).length} characters long; at most ${issue.maximum} are allowed`);
      }
      if (issue.origin === 'number' && (key === 'x' || key === 'y')) {
        return one(`${describe(value)} is outside the canvas; positions must lie within ±${MAX_COORDINATE.toLocaleString('en')}`);
      }
      const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      return one(`${describe(value)} is out of range; expected ${bound}`);
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && 'pattern' in issue && issue.pattern === String(ID_PATTERN)) {
        return one(`${quote(value)} is not a valid id; use 1–64 letters, digits or _ - . : (no spaces)`);
      }
      if (key === 'reason') return one('a suppression needs a reason that says why the finding does not apply');
      if (issue.format === 'date') return one(`${quote(value)} is not a date; write it as YYYY-MM-DD, for example 2026-03-31`);
      if (issue.format === 'datetime') {
        return one(`${quote(value)} is not a date and time; write it as ISO 8601, for example 2026-03-31T09:00:00Z`);
      }
      break;
    }
  }
  return one(issue.message);
}

/** A node of an unknown kind still gets its id and label checked, so one pass reports everything. */
function unknownKindBaseProblems(raw: unknown): PendingProblem[] {
  const nodes = valueAt(raw, ['nodes']);
  if (!Array.isArray(nodes)) return [];
  const problems: PendingProblem[] = [];
  const base = NODE_SCHEMAS.input.pick({ id: true, label: true });
  nodes.forEach((node, index) => {
    if (typeof node !== 'object' || node === null) return;
    if ((NODE_KINDS as readonly unknown[]).includes((node as { kind?: unknown }).kind)) return;
    const result = base.safeParse({ id: (node as { id?: unknown }).id, label: (node as { label?: unknown }).label });
    if (result.success) return;
    for (const issue of result.error.issues) {
      problems.push(...describeIssue({ ...issue, path: ['nodes', index, ...issue.path] } as z.core.$ZodIssue, raw));
    }
  });
  return problems;
}

/** Duplicate ids across nodes and edges, and references that name nothing, read from the raw value
 * so they are reported alongside schema problems. */
function referenceProblems(raw: Record<string, unknown>): PendingProblem[] {
  const problems: PendingProblem[] = [];
  const firstUse = new Map<string, string>();
  const nodeIds = new Set<string>();
  const edgesById = new Map<string, { kind: unknown; target: unknown }>();
  const records = (key: 'nodes' | 'edges') =>
    Array.isArray(raw[key]) ? (raw[key] as unknown[]).map((item) => (typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {})) : [];
  const nodes = records('nodes');
  const edges = records('edges');

  const claim = (id: unknown, path: PathSegment[]) => {
    if (typeof id !== 'string') return;
    const earlier = firstUse.get(id);
    if (earlier !== undefined) {
      problems.push({ path, message: `${quote(id)} is already the id of ${earlier}; ids must be unique across nodes and edges` });
    } else {
      firstUse.set(id, formatPath(path.slice(0, 2)));
    }
  };
  nodes.forEach((node, i) => {
    claim(node.id, ['nodes', i, 'id']);
    if (typeof node.id === 'string') nodeIds.add(node.id);
  });
  edges.forEach((edge, i) => {
    claim(edge.id, ['edges', i, 'id']);
    if (typeof edge.id === 'string' && !edgesById.has(edge.id)) edgesById.set(edge.id, { kind: edge.kind, target: edge.target });
  });
  edges.forEach((edge, i) => {
    for (const end of ['source', 'target'] as const) {
      const ref = edge[end];
      if (typeof ref === 'string' && !nodeIds.has(ref)) {
        const what = edgesById.has(ref) ? 'is an edge, not a node' : 'names no node';
        problems.push({ path: ['edges', i, end], message: `${quote(ref)} ${what}; an edge's ${end} must be the id of a node in this model` });
      }
    }
    if (edge.kind === 'underpins' && typeof edge.edge === 'string') {
      const about = edgesById.get(edge.edge);
      if (!about) {
        problems.push({ path: ['edges', i, 'edge'], message: `${quote(edge.edge)} names no edge; give the id of the leads-to edge this assumption is about` });
      } else if (about.kind !== 'leads-to' || about.target !== edge.target) {
        problems.push({
          path: ['edges', i, 'edge'],
          message: `${quote(edge.edge)} must be a leads-to edge ending at ${quote(edge.target)}, the node this assumption underpins`,
        });
      }
    }
  });
  return problems;
}
