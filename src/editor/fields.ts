// The inspector's form fields, generated from the zod schemas: a new attribute in src/model shows
// up in the editor without touching this file. Lists of values become selects, booleans checkboxes,
// dates date inputs, strings text inputs.
import type { z } from 'zod';
import { EDGE_SCHEMAS, NODE_SCHEMAS, type EdgeKind, type NodeKind } from '../model';
import { EDGE_BASE_KEYS, NODE_BASE_KEYS } from './commands';

export type FieldSpec =
  | { key: string; label: string; type: 'enum'; options: readonly string[] }
  | { key: string; label: string; type: 'boolean' }
  | { key: string; label: string; type: 'date' }
  | { key: string; label: string; type: 'string' }
  | { key: string; label: string; type: 'number'; integer: boolean; min?: number }
  /** A site id from the model's community settings. */
  | { key: string; label: string; type: 'site' }
  /** The id of a `leads-to` edge (an `underpins` edge's `edge`). */
  | { key: string; label: string; type: 'edge' };

const LABELS: Record<string, string> = {
  resource: 'Resource',
  secured: 'Secured',
  until: 'Available until',
  provider: 'Provider',
  category: 'Category',
  strategy: 'Strategy (hard or soft)',
  coreComponent: 'Core component',
  customisation: 'Customisation',
  frequency: 'Frequency',
  evidenceStrength: 'Strength of evidence',
  mechanism: 'Mechanism type',
  direction: 'Direction',
  unit: 'Unit',
  horizon: 'Horizon',
  domain: 'Domain',
  timeframe: 'Timeframe',
  status: 'Status',
  evidence: 'Evidence',
  testable: 'Testable',
  level: 'Level',
  valence: 'Effect on the programme',
  site: 'Site',
  risk: 'Risk type',
  likelihood: 'Likelihood',
  severity: 'Severity',
  role: 'Role',
  profession: 'Profession',
  atRiskOfMarginalisation: 'At risk of marginalisation',
  measureType: 'Measure type',
  definition: 'Definition',
  dataSource: 'Data source',
  baseline: 'Baseline',
  target: 'Target',
  targetDate: 'Target date',
  sharedDefinition: 'Same definition at every site',
  burden: 'Burden of collection',
  confidence: 'Confidence',
  format: 'Feedback format',
  as: 'Takes part as',
  edge: 'About the link',
  effect: 'Effect',
};

/** "qi-collaborative" → "QI collaborative"; "coreComponent" → "Core component". */
export function humanise(value: string): string {
  const words = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/-/g, ' ')
    .toLowerCase();
  const text = words.replace(/\bqi\b/g, 'QI').replace(/\bspc\b/g, 'SPC');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function fieldFor(key: string, schema: z.ZodType, owner: 'node' | 'edge'): FieldSpec {
  const label = LABELS[key] ?? humanise(key);
  let inner = schema as z.ZodType & { def: { type: string; innerType?: z.ZodType; format?: string } };
  while (inner.def.type === 'optional' && inner.def.innerType) inner = inner.def.innerType as typeof inner;
  if (owner === 'node' && key === 'site') return { key, label, type: 'site' };
  if (owner === 'edge' && key === 'edge') return { key, label, type: 'edge' };
  switch (inner.def.type) {
    case 'enum':
      return { key, label, type: 'enum', options: (inner as unknown as z.ZodEnum).options as string[] };
    case 'boolean':
      return { key, label, type: 'boolean' };
    case 'number': {
      const number = inner as unknown as z.ZodNumber;
      return { key, label, type: 'number', integer: number.isInt, min: number.minValue ?? undefined };
    }
    default:
      return inner.def.format === 'date' ? { key, label, type: 'date' } : { key, label, type: 'string' };
  }
}

const cache = new Map<string, FieldSpec[]>();

function fields(owner: 'node' | 'edge', kind: string, shape: Record<string, z.ZodType>, base: readonly string[]): FieldSpec[] {
  const cacheKey = `${owner}:${kind}`;
  let list = cache.get(cacheKey);
  if (!list) {
    list = Object.entries(shape)
      .filter(([key]) => !base.includes(key))
      .map(([key, schema]) => fieldFor(key, schema, owner));
    cache.set(cacheKey, list);
  }
  return list;
}

export function nodeAttributeFields(kind: NodeKind): FieldSpec[] {
  return fields('node', kind, NODE_SCHEMAS[kind].shape, NODE_BASE_KEYS);
}

export function edgeAttributeFields(kind: EdgeKind): FieldSpec[] {
  return fields('edge', kind, EDGE_SCHEMAS[kind].shape, EDGE_BASE_KEYS);
}
