// Canonical form (spec, "Canonical form"): 2-space indent, keys in the format's order, positions
// rounded to whole numbers, a final newline. Key orders come from the schemas' shapes, so the
// order is written down once.
import type { z } from 'zod';
import { Model, NODE_SCHEMAS, EDGE_SCHEMAS, EvidenceItem, Community, Site, Review, Meta, LintSettings, Suppression } from './schema';
import type { TocNode, TocEdge } from './schema';

type Plain = Record<string, unknown>;

const keysOf = (schema: { shape: z.ZodRawShape }) => Object.keys(schema.shape);
const MODEL_KEYS = keysOf(Model);
const NODE_KEYS = Object.fromEntries(Object.entries(NODE_SCHEMAS).map(([kind, schema]) => [kind, keysOf(schema)]));
const EDGE_KEYS = Object.fromEntries(Object.entries(EDGE_SCHEMAS).map(([kind, schema]) => [kind, keysOf(schema)]));

function ordered(value: Plain, keys: readonly string[], nested: Record<string, (v: unknown) => unknown> = {}): Plain {
  const out: Plain = {};
  for (const key of keys) {
    const field = value[key];
    if (field === undefined) continue;
    const transform = nested[key];
    out[key] = transform ? transform(field) : field;
  }
  return out;
}

const each = (keys: readonly string[], nested?: Record<string, (v: unknown) => unknown>) => (list: unknown) =>
  (list as Plain[]).map((item) => ordered(item, keys, nested));

const roundedPosition = (position: unknown) => {
  const { x, y } = position as { x: number; y: number };
  // `+ 0` turns -0 into 0 so a nudge to the left of the origin prints as "0".
  return { x: Math.round(x) + 0, y: Math.round(y) + 0 };
};

function canonicalNode(node: TocNode): Plain {
  return ordered(node as Plain, NODE_KEYS[node.kind]!, { position: roundedPosition });
}

function canonicalEdge(edge: TocEdge): Plain {
  return ordered(edge as Plain, EDGE_KEYS[edge.kind]!);
}

/** The model with keys in canonical order and positions rounded, as a plain value. */
export function canonicalValue(model: Model): Plain {
  return ordered(model as Plain, MODEL_KEYS, {
    evidence: each(keysOf(EvidenceItem)),
    community: (c) => ordered(c as Plain, keysOf(Community), { sites: each(keysOf(Site)) }),
    review: (r) => ordered(r as Plain, keysOf(Review)),
    meta: (m) => ordered(m as Plain, keysOf(Meta)),
    nodes: (nodes) => (nodes as TocNode[]).map(canonicalNode),
    edges: (edges) => (edges as TocEdge[]).map(canonicalEdge),
    lint: (l) => ordered(l as Plain, keysOf(LintSettings), { suppressions: each(keysOf(Suppression)) }),
  });
}

/** The model as the text of a canonical `.toc.json` file. */
export function serializeModel(model: Model): string {
  return `${JSON.stringify(canonicalValue(model), null, 2)}\n`;
}
