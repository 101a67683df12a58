// Property tests on fast-check-generated models: every node and edge kind, odd links (self-loops,
// pairs the spec does not allow, cycles), random pinned nodes anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutModel, measureLayout } from '../../src/layout';
import type { Model } from '../../src/model';
import { arbitraryModel } from '../helpers/arbitraries';
import { arbitraryProgramme } from './arbitraries';
import { expectRoutesWellFormed, overlap, rectOf } from './helpers';

const pinnedIds = (model: Model) => new Set(model.nodes.filter((n) => n.pinned === true && n.position).map((n) => n.id));

async function checkLayout(model: Model, engine: 'elk' | 'fast', direction: 'LR' | 'TB') {
  const result = await layoutModel(model, { engine, direction });
  const pinned = pinnedIds(model);
  // Pinned nodes exactly where they were.
  for (const node of model.nodes) {
    if (pinned.has(node.id)) expect(result.positions[node.id]).toEqual({ x: Math.round(node.position!.x), y: Math.round(node.position!.y) });
  }
  // No overlaps, except between two pinned nodes the user put on top of each other.
  for (let i = 0; i < model.nodes.length; i++) {
    for (let j = i + 1; j < model.nodes.length; j++) {
      const a = model.nodes[i]!.id;
      const b = model.nodes[j]!.id;
      if (pinned.has(a) && pinned.has(b)) continue;
      expect(overlap(rectOf(result, a), rectOf(result, b)), `${a} overlaps ${b}`).toBe(false);
    }
  }
  // Causal links between unpinned nodes point forward (cycles and links against the stages aside).
  const touchesPin = (id: string) => {
    const edge = model.edges.find((e) => e.id === id)!;
    return pinned.has(edge.source) || pinned.has(edge.target);
  };
  expect(measureLayout(model, result, direction).backwardEdges.filter((id) => !touchesPin(id))).toEqual([]);
  expectRoutesWellFormed(model, result);
  return result;
}

describe('layout of generated models', () => {
  it('ELK, LR: no overlaps, pinned nodes kept, causal links forward, routes well formed, deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryProgramme(30), async (model) => {
        const result = await checkLayout(model, 'elk', 'LR');
        const again = await layoutModel(model);
        expect(again.positions).toEqual(result.positions);
        expect(again.routes).toEqual(result.routes);
      }),
      { numRuns: 40, seed: 5 },
    );
  });

  it('ELK, TB: the same properties top to bottom', async () => {
    await fc.assert(fc.asyncProperty(arbitraryProgramme(30), (model) => checkLayout(model, 'elk', 'TB').then(() => undefined)), { numRuns: 25, seed: 6 });
  }, 600_000);

  it('the fast engine: the same properties', async () => {
    await fc.assert(fc.asyncProperty(arbitraryProgramme(40), (model) => checkLayout(model, 'fast', 'LR').then(() => undefined)), { numRuns: 60, seed: 7 });
  });

  it('any valid model (every kind, any link, attributes and pins at random) lays out without overlaps', async () => {
    await fc.assert(fc.asyncProperty(arbitraryModel(16), (model) => checkLayout(model, 'elk', 'LR').then(() => undefined)), { numRuns: 30, seed: 8 });
  });
});
