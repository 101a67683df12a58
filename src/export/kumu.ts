// Kumu JSON blueprints (https://docs.kumu.io, "JSON / Blueprints"), both ways, so maps move between
// ToC Studio and Kumu.
//
// Export writes a blueprint: `elements` (id, label, type, description, tags, and every attribute as
// a field) and `connections` (id, from, to, type, direction, label, description, fields). Fields
// named "toc …" carry what Kumu has no place for (kind, position, data), so a round trip is lossless.
//
// Import reads a blueprint or a Kumu project backup (elements with `_id` and `attributes`). Element
// types are matched to node kinds by name and common synonyms ("Goal" → impact, "Indicator" →
// measure, "Short-term outcome" → outcome with horizon short…). An element whose type is not
// recognisable becomes a **context** node (a factor of the setting, which is what most Kumu systems
// maps hold) and keeps its Kumu type in `data.kumu.type`, so it can be found and reclassified.
// Nothing is lost: every field that is not a model attribute of the chosen kind is kept under the
// node's or edge's `data.kumu`, and whatever else the file holds (maps, views, loops, connections
// whose ends cannot be found) under the model's `data.kumu`.
import {
  EDGE_KINDS,
  EDGE_SCHEMAS,
  edgeKindsBetween,
  ID_PATTERN,
  Model as ModelSchema,
  NODE_KINDS,
  NODE_SCHEMAS,
  SCHEMA_VERSION,
  type EdgeKind,
  type Model,
  type NodeKind,
  type TocEdge,
  type TocNode,
} from '../model';
import { EDGE_STYLES, NODE_STYLES } from '../render/theme';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const NODE_BASE_KEYS = new Set(['id', 'kind', 'label', 'description', 'position', 'pinned', 'tags', 'data']);
const EDGE_BASE_KEYS = new Set(['id', 'kind', 'source', 'target', 'label', 'rationale', 'evidence', 'data']);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The Kumu element type written for a node: its kind's name, capitalised ("Context factor"). */
export function kumuElementType(node: TocNode): string {
  if (node.kind === 'outcome' && node.horizon) return `${capital(node.horizon)}-term outcome`;
  return capital(NODE_STYLES[node.kind].name);
}

function attributeFields(item: Record<string, unknown>, base: ReadonlySet<string>): JsonObject {
  const fields: JsonObject = {};
  for (const [key, value] of Object.entries(item)) {
    if (base.has(key) || value === undefined) continue;
    fields[key] = value as Json;
  }
  return fields;
}

export function exportKumu(model: Model): string {
  const elements = model.nodes.map((node) => {
    const element: JsonObject = { id: node.id, label: node.label, type: kumuElementType(node) };
    if (node.description) element.description = node.description;
    if (node.tags && node.tags.length > 0) element.tags = node.tags;
    Object.assign(element, attributeFields(node as unknown as Record<string, unknown>, NODE_BASE_KEYS));
    element['toc kind'] = node.kind;
    if (node.position) {
      element['toc x'] = node.position.x;
      element['toc y'] = node.position.y;
    }
    if (node.pinned !== undefined) element['toc pinned'] = node.pinned;
    if (node.data) element['toc data'] = JSON.stringify(node.data);
    return element;
  });
  const connections = model.edges.map((edge) => {
    const connection: JsonObject = { id: edge.id, from: edge.source, to: edge.target, type: EDGE_STYLES[edge.kind].name, direction: 'directed' };
    if (edge.label) connection.label = edge.label;
    if (edge.rationale) connection.description = edge.rationale;
    if (edge.evidence) connection.evidence = edge.evidence;
    Object.assign(connection, attributeFields(edge as unknown as Record<string, unknown>, EDGE_BASE_KEYS));
    connection['toc kind'] = edge.kind;
    if (edge.data) connection['toc data'] = JSON.stringify(edge.data);
    return connection;
  });
  return `${JSON.stringify({ elements, connections }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Import

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[_\-–—/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Recognised element types (normalised, singular) → kind (and horizon for outcomes). */
const TYPE_SYNONYMS: Record<string, { kind: NodeKind; horizon?: 'short' | 'medium' | 'long' }> = {};
function synonyms(kind: NodeKind, names: string[], horizon?: 'short' | 'medium' | 'long') {
  for (const name of names) TYPE_SYNONYMS[normalise(name)] = { kind, horizon };
}
synonyms('input', ['input', 'resource', 'funding', 'investment']);
synonyms('activity', ['activity', 'intervention', 'action', 'programme activity', 'program activity', 'change idea', 'strategy', 'project', 'initiative']);
synonyms('mechanism', ['mechanism', 'mechanism of change', 'causal mechanism', 'community mechanism']);
synonyms('output', ['output', 'deliverable', 'product']);
synonyms('outcome', ['outcome', 'result', 'change', 'effect', 'intermediate result']);
synonyms('outcome', ['short term outcome', 'short outcome', 'immediate outcome', 'early outcome'], 'short');
synonyms('outcome', ['medium term outcome', 'intermediate outcome', 'mid term outcome'], 'medium');
synonyms('outcome', ['long term outcome', 'long outcome', 'ultimate outcome'], 'long');
synonyms('impact', ['impact', 'goal', 'aim', 'vision', 'mission', 'purpose', 'long term goal']);
synonyms('assumption', ['assumption', 'belief', 'hypothesis', 'precondition']);
synonyms('context', ['context', 'context factor', 'contextual factor', 'factor', 'external factor', 'condition', 'enabler', 'barrier', 'driver']);
synonyms('risk', ['risk', 'threat', 'issue']);
synonyms('stakeholder', ['stakeholder', 'person', 'people', 'organisation', 'organization', 'actor', 'group', 'partner', 'team', 'role', 'community', 'individual', 'institution']);
synonyms('measure', ['measure', 'indicator', 'metric', 'kpi', 'measurement']);

/** The node kind a Kumu element type names, or undefined when it is not recognisable. */
export function kindOfKumuType(type: string | undefined): { kind: NodeKind; horizon?: 'short' | 'medium' | 'long' } | undefined {
  if (!type) return undefined;
  const key = normalise(type);
  if ((NODE_KINDS as readonly string[]).includes(key)) return { kind: key as NodeKind };
  return TYPE_SYNONYMS[key] ?? TYPE_SYNONYMS[key.replace(/s$/, '')] ?? TYPE_SYNONYMS[key.replace(/ies$/, 'y')];
}

const EDGE_SYNONYMS: Record<string, EdgeKind> = {};
for (const kind of EDGE_KINDS) {
  EDGE_SYNONYMS[normalise(kind)] = kind;
  EDGE_SYNONYMS[normalise(EDGE_STYLES[kind].name)] = kind;
}
Object.assign(EDGE_SYNONYMS, {
  causes: 'leads-to', 'contributes to': 'leads-to', 'results in': 'leads-to', produces: 'leads-to', 'leads into': 'leads-to',
  supports: 'enables', funds: 'enables', resources: 'enables',
  monitors: 'measures', tracks: 'measures', indicates: 'measures',
  'reports to': 'reports-to', 'accountable to': 'reports-to',
  'responsible for': 'owns', leads: 'owns',
  'takes part in': 'participates-in', 'involved in': 'participates-in',
  assumes: 'underpins', affects: 'influences', 'mitigated by': 'mitigates', reduces: 'mitigates', endangers: 'threatens', undermines: 'threatens',
} satisfies Record<string, EdgeKind>);

export interface KumuImportResult {
  model: Model;
  /** What the import had to decide or could not do, for the user (one line each). */
  notes: string[];
}

export class KumuImportError extends Error {}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An element or connection's fields, flattened: a project backup nests them under `attributes`. */
function fieldsOf(item: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(item)) if (key !== 'attributes') out[key] = value;
  if (isObject(item.attributes)) for (const [key, value] of Object.entries(item.attributes)) out[key] = value;
  return out;
}

const stringOf = (value: Json | undefined): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

function takeString(fields: JsonObject, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = stringOf(fields[key]);
    if (value !== undefined) {
      delete fields[key];
      return value;
    }
  }
  return undefined;
}

class IdMaker {
  private readonly used = new Set<string>();
  make(wanted: string | undefined, fallback: string): string {
    let base = wanted && ID_PATTERN.test(wanted) ? wanted : undefined;
    if (!base && wanted) {
      const cleaned = wanted.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56);
      base = cleaned || undefined;
    }
    base ??= fallback;
    let id = base;
    for (let i = 2; this.used.has(id); i++) id = `${base.slice(0, 56)}-${i}`;
    this.used.add(id);
    return id;
  }
}

function boundedLabel(text: string | undefined, fallback: string): { label: string; overflow?: string } {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (clean === '') return { label: fallback };
  if ([...clean].length <= 200) return { label: clean };
  return { label: `${[...clean].slice(0, 199).join('')}…`, overflow: text };
}

/** Sets each field that is a valid attribute of the kind's schema; returns the rest. */
function applyAttributes(target: Record<string, unknown>, fields: JsonObject, shape: Record<string, { safeParse(v: unknown): { success: boolean } }>, base: ReadonlySet<string>): JsonObject {
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) {
    const schema = base.has(key) ? undefined : shape[key];
    if (schema && schema.safeParse(value).success) target[key] = value;
    else rest[key] = value;
  }
  return rest;
}

function parseTocData(value: Json | undefined): Record<string, unknown> | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a Kumu blueprint or project backup (JSON text) into a valid model. */
export function importKumu(text: string, options: { title?: string } = {}): KumuImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new KumuImportError(`not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(raw)) throw new KumuImportError('a Kumu blueprint is a JSON object with "elements" and "connections"');
  const rawElements = raw.elements ?? [];
  const rawConnections = raw.connections ?? [];
  if (!Array.isArray(rawElements) || !Array.isArray(rawConnections)) throw new KumuImportError('"elements" and "connections" must be arrays');
  if (raw.elements === undefined && raw.connections === undefined) throw new KumuImportError('no "elements" or "connections" in this file: is it a Kumu blueprint?');

  const notes: string[] = [];
  const ids = new IdMaker();
  const nodes: TocNode[] = [];
  const byReference = new Map<string, string>();
  const byLabel = new Map<string, string | null>();
  const unmappedTypes = new Map<string, number>();

  rawElements.forEach((item, index) => {
    if (!isObject(item)) {
      notes.push(`elements[${index}] is not an object; kept under data.kumu.skippedElements`);
      return;
    }
    const fields = fieldsOf(item);
    const kumuId = takeString(fields, 'id');
    const backupId = takeString(fields, '_id');
    const { label, overflow } = boundedLabel(takeString(fields, 'label', 'name', 'Label', 'Name'), kumuId ?? `Element ${index + 1}`);
    const type = takeString(fields, 'type', 'element type', 'Type', 'Element Type');
    const tocKind = takeString(fields, 'toc kind');
    const description = takeString(fields, 'description', 'Description');
    let kind: NodeKind;
    let horizon: 'short' | 'medium' | 'long' | undefined;
    if (tocKind && (NODE_KINDS as readonly string[]).includes(tocKind)) kind = tocKind as NodeKind;
    else {
      const mapped = kindOfKumuType(type);
      if (mapped) ({ kind, horizon } = mapped);
      else {
        kind = 'context';
        unmappedTypes.set(type ?? '(none)', (unmappedTypes.get(type ?? '(none)') ?? 0) + 1);
      }
    }
    const id = ids.make(kumuId ?? backupId, `${kind}-${index + 1}`);
    const node: Record<string, unknown> = { id, kind, label };
    if (description) node.description = description;
    const tags = fields.tags;
    delete fields.tags;
    if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) node.tags = tags;
    else if (typeof tags === 'string' && tags.trim() !== '') node.tags = tags.split('|').map((t) => t.trim()).filter(Boolean);
    else if (tags !== undefined) fields.tags = tags;
    const x = fields['toc x'];
    const y = fields['toc y'];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
      node.position = { x, y };
      delete fields['toc x'];
      delete fields['toc y'];
    }
    if (typeof fields['toc pinned'] === 'boolean') {
      node.pinned = fields['toc pinned'];
      delete fields['toc pinned'];
    }
    const data = parseTocData(fields['toc data']);
    if (data) delete fields['toc data'];
    if (horizon && fields.horizon === undefined) node.horizon = horizon;
    const shape = NODE_SCHEMAS[kind].shape as unknown as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const rest = applyAttributes(node, fields, shape, NODE_BASE_KEYS);
    const kumu: JsonObject = { ...rest };
    if (type !== undefined && type !== kumuElementType(node as TocNode)) kumu.type = type;
    if (kumuId !== undefined && kumuId !== id) kumu.id = kumuId;
    if (backupId !== undefined && backupId !== id) kumu._id = backupId;
    if (overflow !== undefined) kumu.label = overflow;
    if (data || Object.keys(kumu).length > 0) node.data = { ...(data ?? {}), ...(Object.keys(kumu).length > 0 ? { kumu } : {}) };
    nodes.push(node as TocNode);
    for (const ref of [kumuId, backupId]) if (ref !== undefined) byReference.set(ref, id);
    byLabel.set(label, byLabel.has(label) ? null : id);
  });
  for (const [type, count] of unmappedTypes) {
    notes.push(`${count} element${count === 1 ? '' : 's'} of type "${type}" became context nodes (the type is kept in data.kumu.type)`);
  }

  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  const resolve = (ref: Json | undefined): string | undefined => {
    const s = stringOf(ref);
    if (s === undefined) return undefined;
    return byReference.get(s) ?? (byLabel.get(s) || undefined) ?? (kindOf.has(s) ? s : undefined);
  };
  const edges: TocEdge[] = [];
  const unresolved: Json[] = [];
  rawConnections.forEach((item, index) => {
    if (!isObject(item)) {
      unresolved.push(item as Json);
      return;
    }
    const fields = fieldsOf(item);
    const source = resolve(fields.from);
    const target = resolve(fields.to);
    if (!source || !target) {
      unresolved.push(item);
      notes.push(`connections[${index}] (${stringOf(fields.from) ?? '?'} → ${stringOf(fields.to) ?? '?'}) names an element that is not in the file; kept under data.kumu.unresolvedConnections`);
      return;
    }
    delete fields.from;
    delete fields.to;
    const kumuId = takeString(fields, 'id');
    const backupId = takeString(fields, '_id');
    const type = takeString(fields, 'type', 'connection type', 'Type', 'Connection Type');
    const tocKind = takeString(fields, 'toc kind');
    let kind: EdgeKind;
    if (tocKind && (EDGE_KINDS as readonly string[]).includes(tocKind)) kind = tocKind as EdgeKind;
    else if (type && EDGE_SYNONYMS[normalise(type)]) kind = EDGE_SYNONYMS[normalise(type)]!;
    else kind = edgeKindsBetween(kindOf.get(source)!, kindOf.get(target)!)[0] ?? 'leads-to';
    const id = ids.make(kumuId ?? backupId, `link-${index + 1}`);
    const edge: Record<string, unknown> = { id, kind, source, target };
    const label = takeString(fields, 'label', 'Label');
    if (label) edge.label = label;
    const rationale = takeString(fields, 'description', 'Description', 'rationale');
    if (rationale) edge.rationale = rationale;
    const evidence = takeString(fields, 'evidence');
    if (evidence) edge.evidence = evidence;
    const direction = takeString(fields, 'direction');
    const data = parseTocData(fields['toc data']);
    if (data) delete fields['toc data'];
    const shape = EDGE_SCHEMAS[kind].shape as unknown as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    const rest = applyAttributes(edge, fields, shape, EDGE_BASE_KEYS);
    // underpins.edge must name a leads-to edge into the same target; checked once all edges exist.
    const kumu: JsonObject = { ...rest };
    if (type !== undefined && type !== EDGE_STYLES[kind].name) kumu.type = type;
    if (direction !== undefined && direction !== 'directed') kumu.direction = direction;
    if (kumuId !== undefined && kumuId !== id) kumu.id = kumuId;
    if (backupId !== undefined && backupId !== id) kumu._id = backupId;
    if (data || Object.keys(kumu).length > 0) edge.data = { ...(data ?? {}), ...(Object.keys(kumu).length > 0 ? { kumu } : {}) };
    edges.push(edge as TocEdge);
  });
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  for (const edge of edges) {
    if (edge.kind !== 'underpins' || edge.edge === undefined) continue;
    const named = edgeById.get(edge.edge);
    if (!named || named.kind !== 'leads-to' || named.target !== edge.target) {
      const data = (edge.data ?? {}) as Record<string, unknown>;
      edge.data = { ...data, kumu: { ...((data.kumu as object) ?? {}), edge: edge.edge } };
      delete edge.edge;
    }
  }

  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) if (key !== 'elements' && key !== 'connections') rest[key] = value;
  if (unresolved.length > 0) rest.unresolvedConnections = unresolved;
  const projectName = typeof raw.name === 'string' ? raw.name : isObject(raw.project) && typeof raw.project.name === 'string' ? raw.project.name : undefined;
  const title = boundedLabel(options.title ?? projectName, 'Imported from Kumu').label;
  const model: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION, title, nodes, edges };
  if (Object.keys(rest).length > 0) model.data = { kumu: rest };
  const checked = ModelSchema.safeParse(model);
  if (!checked.success) {
    // Not expected: every value above was checked against the schema. Say what, rather than write a broken file.
    const issue = checked.error.issues[0]!;
    throw new KumuImportError(`the imported model is not valid at ${issue.path.join('.')}: ${issue.message}`);
  }
  return { model: checked.data, notes };
}
