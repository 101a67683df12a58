// A fast accept path for large files: ajv validators compiled once from the JSON Schema of the
// model shell and of each node and edge kind, all generated from the zod schemas, so the rules are
// the same ones. ajv checks without building a copy of the model, which is most of zod's cost on a
// large file (bench/parse.ts); whenever ajv refuses, zod runs and words every problem.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { EDGE_SCHEMAS, ModelShell, NODE_SCHEMAS } from './schema';

interface Validators {
  shell: ValidateFunction;
  nodes: Record<string, ValidateFunction>;
  edges: Record<string, ValidateFunction>;
}

let validators: Validators | undefined;

function compile(): Validators {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  const of = (schema: z.ZodType) => ajv.compile(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as object);
  const each = (schemas: Record<string, z.ZodType>) => Object.fromEntries(Object.entries(schemas).map(([kind, schema]) => [kind, of(schema)]));
  return { shell: of(ModelShell), nodes: each(NODE_SCHEMAS), edges: each(EDGE_SCHEMAS) };
}

/** True when the model certainly passes the zod schemas; false means "ask zod". */
export function fastAccepts(model: Record<string, unknown>): boolean {
  validators ??= compile();
  if (!validators.shell(model)) return false;
  const lists = [
    [model.nodes, validators.nodes],
    [model.edges, validators.edges],
  ] as const;
  for (const [items, byKind] of lists) {
    for (const item of items as { kind?: unknown }[]) {
      const validate = typeof item?.kind === 'string' && Object.hasOwn(byKind, item.kind) ? byKind[item.kind] : undefined;
      if (!validate?.(item)) return false;
    }
  }
  return true;
}
