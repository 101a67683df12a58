import { describe, expect, it } from 'vitest';
import { layoutModel } from '../../src/layout';
import { addNode, deleteElements, moveNodes, updateEdge, updateMeta, updateNode } from '../../src/editor/commands';
import { modelFromDoc } from '../../src/editor/doc';
import { routeFor, snapshotRoutes, tidyCommand, validRoutes, validStages } from '../../src/editor/layout-bridge';
import { EditorStore } from '../../src/editor/store';
import { smallModel } from './fixtures';

const SETTINGS = { direction: 'LR', spacing: 'normal' } as const;

async function tidied() {
  const model = smallModel();
  model.nodes[0] = { ...model.nodes[0]!, pinned: true };
  const store = new EditorStore(model);
  const result = await layoutModel(modelFromDoc(store.getState().doc), { ...SETTINGS, engine: 'fast' });
  const command = tidyCommand(store.getState().doc, result, SETTINGS)!;
  expect(store.dispatch(command)).toBe(true);
  return { store, result, snapshot: snapshotRoutes(store.getState().doc, result) };
}

describe('Tidy layout command', () => {
  it('applies the layout as one undo step, keeps pinned nodes, remembers the settings in view', async () => {
    const { store } = await tidied();
    const doc = store.getState().doc;
    expect(doc.nodes.get('in-1')!.position).toEqual({ x: 0, y: 40 });
    expect(doc.meta.view).toEqual({ layout: SETTINGS });
    store.undo();
    expect(store.getState().doc.nodes.get('a-1')!.position).toEqual({ x: 280, y: 40 });
    expect(store.getState().doc.meta.view).toBeUndefined();
    expect(store.getState().canUndo).toBe(false);
  });

  it('keeps the edits made while the layout ran, and the objects of the nodes it leaves in place', async () => {
    const store = new EditorStore(smallModel());
    const result = await layoutModel(modelFromDoc(store.getState().doc), { ...SETTINGS, engine: 'fast' });
    const command = tidyCommand(store.getState().doc, result, SETTINGS)!;
    // Meanwhile: a label edited, a node deleted, a node added, the title changed.
    store.dispatch(updateNode('a-1', { label: 'Weekly meetings' }));
    store.dispatch(updateMeta({ title: 'Renamed while laying out' }));
    store.dispatch(deleteElements(store.getState().doc, { nodes: new Set(['as-1']), edges: new Set() }));
    const added = addNode(store.getState().doc, 'output', { x: 5_000, y: 5_000 });
    store.dispatch(added);
    const before = store.getState().doc;
    expect(store.dispatch(command)).toBe(true);
    const after = store.getState().doc;
    expect(after.nodes.get('a-1')!.label).toBe('Weekly meetings');
    expect(after.meta.title).toBe('Renamed while laying out');
    expect(after.meta.view).toEqual({ layout: SETTINGS });
    expect(after.nodes.get('a-1')!.position).toEqual(result.positions['a-1']);
    expect(after.nodes.has('as-1')).toBe(false);
    expect(after.nodes.get(added.id)).toBe(before.nodes.get(added.id));
    const unmoved = [...before.nodes.values()].filter((n) => n.position!.x === result.positions[n.id]?.x && n.position!.y === result.positions[n.id]?.y);
    for (const node of unmoved) expect(after.nodes.get(node.id)).toBe(node);
    store.undo();
    expect(modelFromDoc(store.getState().doc)).toEqual(modelFromDoc(before));
  });

  it('is null when nothing would change', async () => {
    const { store, result } = await tidied();
    expect(tidyCommand(store.getState().doc, result, SETTINGS)).toBeNull();
  });
});

describe('route invalidation', () => {
  it('keeps every route right after the layout', async () => {
    const { store, snapshot, result } = await tidied();
    expect(validRoutes(snapshot, store.getState().doc).size).toBe(Object.keys(result.routes).length);
    expect(validStages(snapshot, store.getState().doc)).toBeDefined();
  });

  it('drops the routes of a moved node only, and brings them back on undo', async () => {
    const { store, snapshot } = await tidied();
    const p = store.getState().doc.nodes.get('m-1')!.position!;
    store.dispatch(moveNodes(new Map([['m-1', { x: p.x + 50, y: p.y }]])));
    const doc = store.getState().doc;
    expect(routeFor(snapshot, doc, 'e-am')).toBeUndefined();
    expect(routeFor(snapshot, doc, 'e-mo')).toBeUndefined();
    expect(routeFor(snapshot, doc, 'e-oi')).toBeDefined();
    expect(validStages(snapshot, doc)).toBeUndefined();
    store.undo();
    expect(routeFor(snapshot, store.getState().doc, 'e-am')).toBeDefined();
  });

  it('drops a route when its edge changes ends or kind, or while an end is dragged', async () => {
    const { store, snapshot } = await tidied();
    expect(routeFor(snapshot, store.getState().doc, 'e-oi', { moving: new Set(['i-1']) })).toBeUndefined();
    store.dispatch(updateEdge('e-oi', { target: 'o-1', source: 'm-1' }));
    expect(routeFor(snapshot, store.getState().doc, 'e-oi')).toBeUndefined();
    expect(routeFor(snapshot, store.getState().doc, 'e-in')).toBeDefined();
    store.dispatch(updateNode('a-1', { label: 'A much longer label that changes the box size' }));
    expect(routeFor(snapshot, store.getState().doc, 'e-in')).toBeUndefined();
  });

  it('keeps a route while its end is drawn at the size of a label not yet settled, and drops it after', async () => {
    const { store, snapshot } = await tidied();
    const sized = new Map([...store.getState().doc.nodes.values()].map((n) => [n.id, n.label]));
    store.dispatch(updateNode('a-1', { label: 'A much longer label that changes the box size' }));
    const doc = store.getState().doc;
    expect(routeFor(snapshot, doc, 'e-in', { sizedLabels: sized })).toBeDefined();
    expect(validRoutes(snapshot, doc, { sizedLabels: sized }).has('e-am')).toBe(true);
    // Settled: the box is sized for the new label, and the route no longer fits it.
    sized.set('a-1', doc.nodes.get('a-1')!.label);
    expect(routeFor(snapshot, doc, 'e-in', { sizedLabels: sized })).toBeUndefined();
    // A drag still drops the routes of the dragged node.
    expect(routeFor(snapshot, doc, 'e-oi', { sizedLabels: sized })).toBeDefined();
    expect(routeFor(snapshot, doc, 'e-oi', { moving: new Set(['o-1']), sizedLabels: sized })).toBeUndefined();
  });

  it('keeps a route when an end changes but not its box (a description)', async () => {
    const { store, snapshot } = await tidied();
    const before = store.getState().doc.nodes.get('a-1');
    store.dispatch(updateNode('a-1', { description: 'Who runs it, and when' }));
    expect(store.getState().doc.nodes.get('a-1')).not.toBe(before);
    expect(routeFor(snapshot, store.getState().doc, 'e-in')).toBeDefined();
    expect(validStages(snapshot, store.getState().doc)).toBeDefined();
  });

  it('has no routes without a layout', async () => {
    const { store } = await tidied();
    expect(validRoutes(null, store.getState().doc).size).toBe(0);
  });
});
