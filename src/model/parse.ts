// Text in, model or every problem out. JSON.parse does the fast work; jsonc-parser is consulted
// only to say where a problem is. Problems are worded for the people who write these files.
import { z } from 'zod';
import { Model, ModelShell, Node, Edge, SCHEMA_VERSION, ID_PATTERN, MAX_COORDINATE, MAX_EDGES, MAX_LABEL_LENGTH, MAX_NODES, NODE_SCHEMAS, EDGE_SCHEMAS } from './schema';
import { fastAccepts } from './fast-validate';
import { EDGE_KINDS, NODE_KINDS } from './vocabulary';
import { formatPath, locatePaths, syntaxProblems, visibleJson, type PathSegment } from './json-location';

/** Documented limits (README, "Limits"): refused with a message, never a crash. */
export const LIMITS = {
  /** Larger files are refused before they are read or parsed. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Objects and lists nested deeper than this (in `data`, typically) are refused. */
  maxDepth: 64,
  /** Models with more nodes or edges are refused: split the programme into linked models. */
  maxNodes: MAX_NODES,
  maxEdges: MAX_EDGES,
  /** Characters (code points) in a label or the title. */
  maxLabelLength: MAX_LABEL_LENGTH,
  /** Positions lie within ± this on both axes. */
  maxCoordinate: MAX_COORDINATE,
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
  const model = raw as Record<string, unknown>;
  const version = model.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCHEMA_VERSION) {
    return [
      {
        path: ['schemaVersion'],
        message: `schemaVersion ${version} is newer than this version of ToC Studio supports (${SCHEMA_VERSION}); update ToC Studio to open it`,
      },
    ];
  }
  // Past the count limits nothing else is checked: the one problem is the model's size.
  const tooMany = countProblems(model);
  if (tooMany.length > 0) return tooMany;
  const schema = itemCount(model) >= FAST_PATH_MIN_ITEMS && fastAccepts(model) ? [] : schemaProblems(model);
  return [...schema, ...freeFormProblems(model), ...referenceProblems(model)];
}

/** Below this many nodes and edges, compiling the fast validators costs more than it saves. */
const FAST_PATH_MIN_ITEMS = 2_000;

const itemCount = (model: Record<string, unknown>) =>
  (Array.isArray(model.nodes) ? model.nodes.length : 0) + (Array.isArray(model.edges) ? model.edges.length : 0);

function countProblems(model: Record<string, unknown>): PendingProblem[] {
  const lists = [
    ['nodes', LIMITS.maxNodes],
    ['edges', LIMITS.maxEdges],
  ] as const;
  return lists.flatMap(([list, limit]) => {
    const items = model[list];
    return Array.isArray(items) && items.length > limit ? [{ path: [list], message: tooManyMessage(list, items.length, limit) }] : [];
  });
}

const tooManyMessage = (list: string, count: number, limit: number) =>
  `the model has ${count.toLocaleString('en')} ${list}; ToC Studio opens models of up to ${limit.toLocaleString('en')} ${list}. ` +
  'Split the programme into linked models (for example one per region or workstream)';

const NodeBase = NODE_SCHEMAS.input.pick({ id: true, label: true });

function schemaProblems(model: Record<string, unknown>): PendingProblem[] {
  const problems: PendingProblem[] = [];
  const add = (issues: readonly z.core.$ZodIssue[], prefix: PathSegment[]) => {
    for (const issue of issues) problems.push(...describeIssue({ ...issue, path: [...prefix, ...issue.path] } as z.core.$ZodIssue, model));
  };
  const shell = ModelShell.safeParse(model);
  if (!shell.success) add(shell.error.issues, []);
  const lists = [
    ['nodes', NODE_SCHEMAS, Node],
    ['edges', EDGE_SCHEMAS, Edge],
  ] as const;
  for (const [list, schemas, union] of lists) {
    const items = model[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      const kind = typeof item === 'object' && item !== null ? (item as { kind?: unknown }).kind : undefined;
      const known = typeof kind === 'string' && Object.hasOwn(schemas, kind);
      const schema: z.ZodType = known ? schemas[kind as keyof typeof schemas] : union;
      const result = schema.safeParse(item);
      if (result.success) continue;
      add(result.error.issues, [list, i]);
      // A node of unknown kind still gets its id and label checked, so one pass reports everything.
      if (!known && list === 'nodes' && typeof item === 'object' && item !== null) {
        const base = NodeBase.safeParse({ id: (item as { id?: unknown }).id, label: (item as { label?: unknown }).label });
        if (!base.success) add(base.error.issues, [list, i]);
      }
    }
  }
  return problems;
}

/** The free-form parts of a model (`data`, `view`, rule settings): the only places where the
 * schema allows arbitrary keys and nesting. Everything else is closed by the strict schemas. */
function freeFormParts(raw: Record<string, unknown>): { value: unknown; path: PathSegment[] }[] {
  const parts: { value: unknown; path: PathSegment[] }[] = [
    { value: raw.data, path: ['data'] },
    { value: raw.view, path: ['view'] },
    { value: (raw.lint as Record<string, unknown> | undefined)?.rules, path: ['lint', 'rules'] },
  ];
  for (const key of ['nodes', 'edges'] as const) {
    const list = raw[key];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (typeof item === 'object' && item !== null && 'data' in item) parts.push({ value: (item as { data: unknown }).data, path: [key, i, 'data'] });
    });
  }
  return parts;
}

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: PathSegment;
}

const pathOf = (frame: Frame | undefined, tail: PathSegment[] = []): PathSegment[] => {
  const path = [...tail];
  for (let f = frame; f; f = f.parent) path.unshift(f.key);
  return path;
};

/** Prototype keys and excessive nesting in the free-form parts, found iteratively (no recursion
 * to overflow); paths are rebuilt only for the problems found. Elsewhere the strict schemas refuse
 * unknown keys, prototype keys included. */
function freeFormProblems(raw: Record<string, unknown>): PendingProblem[] {
  const problems: PendingProblem[] = [];
  for (const part of freeFormParts(raw)) {
    if (typeof part.value !== 'object' || part.value === null) continue;
    const stack: Frame[] = [{ value: part.value, depth: part.path.length, parent: undefined, key: '' }];
    const prefix = part.path;
    const fullPath = (frame: Frame | undefined, tail: PathSegment[] = []) => [...prefix, ...pathOf(frame, tail).slice(1)];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      if (frame.depth >= LIMITS.maxDepth) {
        problems.push({ path: fullPath(frame), message: `nested more than ${LIMITS.maxDepth} levels deep; ToC Studio refuses such data, so flatten it` });
        continue;
      }
      const entries: [PathSegment, unknown][] = Array.isArray(frame.value)
        ? frame.value.map((v, i) => [i, v])
        : Object.entries(frame.value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, value] = entries[i]!;
        if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
          problems.push({ path: fullPath(frame, [key]), message: forbiddenKeyMessage(key) });
        } else if (typeof value === 'object' && value !== null) {
          stack.push({ value, depth: frame.depth + 1, parent: frame, key });
        }
      }
    }
  }
  return problems;
}

const forbiddenKeyMessage = (key: string) =>
  `"${key}" cannot be used as a key (programs reading the file could be subverted by it); rename it`;

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
      return `text ${visibleJson(value.length > 40 ? `${value.slice(0, 37)}…` : value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    default:
      return 'an object';
  }
}

/** Names of the invisible characters people paste by accident, to say which one a text holds. */
const INVISIBLE_NAMES: Record<number, string> = {
  0x0000: 'null',
  0x0009: 'tab',
  0x000a: 'line break',
  0x000d: 'carriage return',
  0x00ad: 'soft hyphen',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0xfeff: 'zero width no-break space',
};

const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/gu;
const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Quoted user text, shortened, with invisible characters (zero-width, controls) made visible
 * and named, so the writer can find and delete them. */
function quote(value: unknown): string {
  if (typeof value !== 'string') return describe(value);
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  const visible = visibleJson(short);
  const invisible = [...new Set(value.match(INVISIBLE) ?? [])];
  if (invisible.length === 0) return visible;
  const named = invisible.slice(0, 3).map((ch) => {
    const name = INVISIBLE_NAMES[ch.codePointAt(0)!];
    return name ? `${codePoint(ch)} ${name}` : codePoint(ch);
  });
  const more = invisible.length > 3 ? ` and ${invisible.length - 3} more` : '';
  return `${visible} (it contains the invisible character${invisible.length > 1 ? 's' : ''} ${named.join(', ')}${more})`;
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
      return issue.keys.map((unknownKey) => {
        if (FORBIDDEN_KEYS.has(unknownKey)) return { path: [...path, unknownKey], message: forbiddenKeyMessage(unknownKey) };
        const owners = ATTRIBUTE_OWNERS.get(`${container}:${unknownKey}`)?.filter((owner) => owner !== ownKind);
        const hint =
          container && owners && owners.length > 0
            ? `"${unknownKey}" belongs to ${owners.join(', ')}, not to ${ownKind ?? 'this'}`
            : `unknown key ${quote(unknownKey)}`;
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
        if (typeof value === 'string' && value.trim() === String(SCHEMA_VERSION)) {
          return one(`${quote(value)} is text; write the number ${SCHEMA_VERSION} without quotes`);
        }
        return one(`${describe(value)} is not a supported schemaVersion; this version of ToC Studio reads version ${SCHEMA_VERSION}`);
      }
      return one(`${quote(value)} is not allowed here; expected one of ${issue.values.map(String).join(', ')}`);
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'string' && issue.code === 'too_small') return one('must not be empty');
      if (issue.origin === 'number' && (key === 'x' || key === 'y')) {
        return one(`${describe(value)} is outside the canvas; positions must lie within ±${LIMITS.maxCoordinate.toLocaleString('en')}`);
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

type Item = Record<string, unknown>;
const asItems = (list: unknown): Item[] =>
  Array.isArray(list) ? list.map((item) => (typeof item === 'object' && item !== null ? (item as Item) : {})) : [];

/** Duplicate ids across nodes and edges, and references that name nothing, read from the raw value
 * so they are reported alongside schema problems. Runs on every load, so it allocates nothing per
 * item on the happy path. */
function referenceProblems(raw: Record<string, unknown>): PendingProblem[] {
  const problems: PendingProblem[] = [];
  const nodes = asItems(raw.nodes);
  const edges = asItems(raw.edges);
  // Where each id was first used: a node index, or -(edge index + 1).
  const firstUse = new Map<string, number>();
  const duplicate = (id: string, path: PathSegment[]) => {
    const earlier = firstUse.get(id)!;
    const where = earlier >= 0 ? `nodes[${earlier}]` : `edges[${-earlier - 1}]`;
    problems.push({ path, message: `${quote(id)} is already the id of ${where}; ids must be unique across nodes and edges` });
  };
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]!.id;
    if (typeof id !== 'string') continue;
    if (firstUse.has(id)) duplicate(id, ['nodes', i, 'id']);
    else firstUse.set(id, i);
  }
  for (let i = 0; i < edges.length; i++) {
    const id = edges[i]!.id;
    if (typeof id !== 'string') continue;
    if (firstUse.has(id)) duplicate(id, ['edges', i, 'id']);
    else firstUse.set(id, -i - 1);
  }
  const checkEnd = (edge: Item, i: number, end: 'source' | 'target') => {
    const ref = edge[end];
    // A malformed id is reported as such; saying it also names no node would repeat the problem.
    if (typeof ref !== 'string' || !ID_PATTERN.test(ref)) return;
    const use = firstUse.get(ref);
    if (use !== undefined && use >= 0) return;
    const what = use === undefined ? 'names no node' : 'is an edge, not a node';
    problems.push({ path: ['edges', i, end], message: `${quote(ref)} ${what}; an edge's ${end} must be the id of a node in this model` });
  };
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    checkEnd(edge, i, 'source');
    checkEnd(edge, i, 'target');
    const about = edge.edge;
    if (edge.kind !== 'underpins' || typeof about !== 'string') continue;
    const use = firstUse.get(about);
    const aboutEdge = use !== undefined && use < 0 ? edges[-use - 1] : undefined;
    if (aboutEdge === undefined) {
      problems.push({ path: ['edges', i, 'edge'], message: `${quote(about)} names no edge; give the id of the leads-to edge this assumption is about` });
    } else if (aboutEdge.kind !== 'leads-to' || aboutEdge.target !== edge.target) {
      problems.push({
        path: ['edges', i, 'edge'],
        message: `${quote(about)} must be a leads-to edge ending at ${quote(edge.target)}, the node this assumption underpins`,
      });
    }
  }
  return problems;
}
