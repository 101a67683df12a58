// Nodes as the canvas draws them: a node that only moved keeps its drawn object and its text layout
// (Tidy layout moves all of them); any other change gives a new one.
import { describe, expect, it } from 'vitest';
import type { TocNode } from '../../src/model';
import { drawnNode, forgetDrawnExcept, layoutOf } from '../../src/editor/drawn';
import { nodeLayout } from '../../src/render/text';

const outcome = { id: 'o1', kind: 'outcome', label: 'Fewer central-line infections in every unit', horizon: 'short', position: { x: 0, y: 0 } } as TocNode;

describe('the drawn node', () => {
  it('is the same object, with the same layout, after a move', () => {
    const layout = layoutOf(outcome);
    const moved = { ...outcome, position: { x: 400, y: 120 } };
    expect(drawnNode(moved)).toBe(drawnNode(outcome));
    expect(layoutOf(moved)).toBe(layout);
    expect(layout).toEqual(nodeLayout(outcome));
  });

  it('changes with anything else that is drawn or described, and its layout follows', () => {
    const before = layoutOf(outcome);
    for (const changed of [
      { ...outcome, label: `${outcome.label}, and fewer bloodstream infections besides` },
      { ...outcome, horizon: 'long' },
      { ...outcome, kind: 'output' },
      { ...outcome, description: 'Measured monthly' },
    ] as TocNode[]) {
      expect(drawnNode(changed)).toBe(changed);
      expect(layoutOf(changed)).toEqual(nodeLayout(changed));
    }
    const relabelled = { ...outcome, label: 'A much longer label than before, long enough to need another line or two in the box' };
    expect(layoutOf(relabelled).height).toBeGreaterThan(before.height);
    // A node that gains a position (it had none) is a change too.
    const { position: _, ...unplaced } = outcome;
    expect(drawnNode(unplaced as TocNode)).toBe(unplaced);
  });

  it('is forgotten for ids another document lacks, and kept for those it has', () => {
    const other = { ...outcome, id: 'o2' };
    drawnNode(outcome);
    drawnNode(other);
    forgetDrawnExcept(new Set(['o2']));
    const moved = { ...outcome, position: { x: 10, y: 10 } };
    expect(drawnNode(moved)).toBe(moved);
    expect(drawnNode({ ...other, position: { x: 10, y: 10 } })).toBe(other);
  });
});
