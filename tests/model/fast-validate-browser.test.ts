// The browser's stand-in for the ajv fast path: until ajv has arrived it says "ask zod" (false), then
// it gives ajv's verdict, so a large file in the editor is judged the same before and after.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fastAccepts as browserAccepts } from '../../src/model/fast-validate.browser';
import { EXAMPLES_DIR } from '../helpers/paths';

describe('fast-validate.browser', () => {
  it('defers to zod until ajv is loaded, then answers as ajv does', async () => {
    const valid = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, 'keystone-icu.toc.json'), 'utf8')) as Record<string, unknown>;
    const invalid = { ...valid, nodes: [{ id: 'n1', kind: 'widget', label: 'x' }] };
    expect(browserAccepts(valid)).toBe(false);
    await vi.waitFor(() => expect(browserAccepts(valid)).toBe(true), { timeout: 20_000 });
    expect(browserAccepts(invalid)).toBe(false);
  });
});
