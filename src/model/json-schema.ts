// The JSON Schema of the format, generated from the zod schemas so the two cannot drift.
// (Unique ids and references that resolve are beyond JSON Schema; parseModel checks those.)
import { z } from 'zod';
import { Model } from './schema';

export function modelJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(Model, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'ToC Studio theory-of-change model',
    description:
      'A programme theory of change (format version 1). Ids must also be unique across nodes and edges, and edges must name existing nodes: checked by `toc validate`.',
    ...rest,
  };
}

export function modelJsonSchemaText(): string {
  return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}
