// An explicit repair for a file that cannot be opened: every removal or replacement is listed
// before anything happens, and nothing is applied without the user's consent (the dialog asks).
// The plan is worked out on a copy, round by round, until the result validates: removing a node
// can leave edges pointing at nothing, and those are listed as removals too.
import { SCHEMA_VERSION, validateModelValue, type Model, type PathSegment } from '../model';

export interface RepairAction {
  /** Where, as a JSON path of the file as it was opened (`nodes[3]`). */
  path: string;
  /** What the repair does there, in plain words. */
  description: string;
}

export type RepairPlan = { ok: true; actions: RepairAction[]; model: Model } | { ok: false; reason: string };

type Plain = Record<string, unknown>;
const REMOVED = Symbol('removed');
const DEFAULT_TITLE = 'Untitled theory of change';
const MAX_ROUNDS = 20;

/** Keys an item cannot lose: when one is wrong, the whole item goes (or gets a replacement). */
const REQUIRED_IN: Record<string, readonly string[]> = {
  position: ['x', 'y'],
  sites: ['id', 'name'],
  evidence: ['citation'],
  suppressions: ['rule', 'reason'],
};

export function planRepair(text: string): RepairPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not valid JSON, so there is nothing to repair automatically. Fix the syntax at the line shown and open it again.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'The file does not hold a model object, so there is nothing to repair.' };
  }
  const root = value as Plain;
  const version = root.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return { ok: false, reason: 'The file was written by a newer version of ToC Studio; update ToC Studio to open it.' };
  }

  // Original positions of nodes and edges, so every action names the item as it stands in the file.
  const origin = new WeakMap<object, string>();
  for (const key of ['nodes', 'edges'] as const) {
    const list = root[key];
    if (Array.isArray(list)) list.forEach((item, i) => typeof item === 'object' && item !== null && origin.set(item, `${key}[${i}]`));
  }

  const actions: RepairAction[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = validateModelValue(root);
    if (result.ok) return { ok: true, actions, model: result.model };
    const pending = result.problems.flatMap((problem) => fix(root, problem.path, origin) ?? []);
    const keyOf = (action: PendingAction) => action.target.map(String).join('/');
    const targets = new Set(pending.map(keyOf));
    const seen = new Set<string>();
    for (const action of pending) {
      const key = keyOf(action);
      // One action per place, and none inside an item that is removed as a whole.
      if (seen.has(key) || [...targets].some((other) => key.startsWith(`${other}/`))) continue;
      seen.add(key);
      action.apply();
      actions.push({ path: action.path, description: action.description });
    }
    const changed = seen.size > 0;
    compact(root);
    if (!changed) {
      return { ok: false, reason: 'Some problems cannot be repaired by removing parts of the file; fix them by hand and open it again.' };
    }
  }
  return { ok: false, reason: 'The repair did not converge; fix the problems by hand and open the file again.' };
}

interface PendingAction {
  target: PathSegment[];
  path: string;
  description: string;
  apply(): void;
}

function fix(root: Plain, path: PathSegment[], origin: WeakMap<object, string>): PendingAction | undefined {
  if (path.length === 0) return undefined;
  const [head] = path;
  if (head === 'schemaVersion') return replace(root, ['schemaVersion'], SCHEMA_VERSION, `set schemaVersion to ${SCHEMA_VERSION}`);
  if (head === 'title' && path.length === 1) {
    const title = root.title;
    if (typeof title === 'string' && title.length > 200) {
      return replace(root, ['title'], title.slice(0, 200), 'shorten the title to its first 200 characters');
    }
    return replace(root, ['title'], DEFAULT_TITLE, `set the title to "${DEFAULT_TITLE}"`);
  }
  if ((head === 'nodes' || head === 'edges') && path.length === 1) {
    return replace(root, [head], [], `replace "${head}" (not a list) with an empty list`);
  }
  if ((head === 'nodes' || head === 'edges') && typeof path[1] === 'number') {
    const item = (root[head] as unknown[])[path[1]];
    const where = (typeof item === 'object' && item !== null && origin.get(item)) || `${head}[${path[1]}]`;
    const key = path[2];
    const essential = head === 'nodes' ? ['id', 'kind'] : ['id', 'kind', 'source', 'target'];
    if (key === undefined || essential.includes(String(key)) || (head === 'nodes' && key === 'label' && !isLongText(item, 'label'))) {
      return removeItem(root, [head, path[1]], where, describeItem(head, item));
    }
    if (head === 'nodes' && key === 'label') {
      const label = (item as Plain).label as string;
      return replace(root, [head, path[1], 'label'], label.slice(0, 200), `shorten the label of ${describeItem(head, item)} to its first 200 characters`, `${where}.label`);
    }
    return removeValue(root, path, `${where}${formatTail(path.slice(2))}`, `of ${describeItem(head, item)}`);
  }
  return removeValue(root, path, formatTail(path).replace(/^\./, ''), '');
}

function removeValue(root: Plain, path: PathSegment[], where: string, owner: string): PendingAction {
  // A wrong required key takes its item with it (a site without a valid id, a position without x).
  let target = path;
  const key = path[path.length - 1];
  const container = path.slice(0, -1).reverse().find((p) => typeof p === 'string');
  if (typeof key === 'string' && container !== undefined && REQUIRED_IN[String(container)]?.includes(key)) {
    target = path.slice(0, -1);
  }
  const shown = target.length < path.length ? trimWhere(where, path.length - target.length) : where;
  const value = valueAt(root, target);
  return {
    target,
    path: shown,
    description: `remove ${shown}${owner ? ` ${owner}` : ''} (${preview(value)})`,
    apply: () => deleteAt(root, target),
  };
}

function removeItem(root: Plain, target: PathSegment[], where: string, what: string): PendingAction {
  return { target, path: where, description: `remove ${what}`, apply: () => deleteAt(root, target) };
}

function replace(root: Plain, target: PathSegment[], value: unknown, description: string, where?: string): PendingAction {
  return {
    target,
    path: where ?? target.map(String).join('.'),
    description,
    apply: () => {
      let container: unknown = root;
      for (const key of target.slice(0, -1)) container = (container as Plain)[key as string];
      (container as Plain)[target[target.length - 1] as string] = value;
    },
  };
}

function isLongText(item: unknown, key: string): boolean {
  const value = typeof item === 'object' && item !== null ? (item as Plain)[key] : undefined;
  return typeof value === 'string' && value.length > 200;
}

function describeItem(list: 'nodes' | 'edges', item: unknown): string {
  if (typeof item !== 'object' || item === null) return `the ${list === 'nodes' ? 'node' : 'edge'} ${preview(item)}`;
  const { id, kind, label, source, target } = item as Plain;
  const name = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 50 ? `${v.slice(0, 47)}…` : v) : '(none)');
  if (list === 'nodes') return `the node ${typeof label === 'string' ? name(label) : 'without a label'} (kind ${name(kind)}, id ${name(id)})`;
  return `the edge ${name(id)} (${name(kind)} from ${name(source)} to ${name(target)})`;
}

function preview(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return `value ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`;
}

function formatTail(path: PathSegment[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

function trimWhere(where: string, segments: number): string {
  let out = where;
  for (let i = 0; i < segments; i++) out = out.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  return out;
}

function valueAt(root: unknown, path: PathSegment[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Object.hasOwn(value, key) ? (value as Plain)[key as string] : undefined;
  }
  return value;
}

/** Marks an array item for removal (indices stay valid for the rest of the round) or deletes a key. */
function deleteAt(root: Plain, path: PathSegment[]): void {
  const parent = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') parent[key] = REMOVED;
  else if (typeof parent === 'object' && parent !== null) delete (parent as Plain)[key as string];
}

/** Drops the items marked for removal from every list. */
function compact(value: unknown): void {
  const stack = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) continue;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) if (current[i] === REMOVED) current.splice(i, 1);
      stack.push(...current);
    } else {
      stack.push(...Object.values(current));
    }
  }
}
