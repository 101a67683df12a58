import { describe, expect, it } from 'vitest';
import { serializeModel, validateModelValue } from '../../src/model';
import {
  addEdge,
  addNode,
  changeEdgeKind,
  changeNodeKind,
  copyFragment,
  deleteElements,
  duplicateSelection,
  fragmentFromText,
  fragmentToText,
  moveNodes,
  pasteFragment,
  removeMetaItem,
  renameSite,
  addMetaItem,
  setMetaValue,
  updateNode,
} from '../../src/editor/commands';
import { modelFromDoc, selectionOf } from '../../src/editor/doc';
import { EditorStore } from '../../src/editor/store';
import { smallModel } from './fixtures';

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function valid(store: EditorStore) {
  const result = validateModelValue(JSON.parse(serializeModel(modelFromDoc(store.getState().doc))));
  expect(result.ok ? [] : result.problems).toEqual([]);
}

describe('store: dispatch, undo and redo', () => {
  it('keeps nodes and edges keyed by id and converts back to the file order', () => {
    const model = smallModel();
    const store = new EditorStore(model);
    expect(store.getState().doc.nodes.get('a-1')?.label).toBe('Monthly meetings');
    expect(serializeModel(modelFromDoc(store.getState().doc))).toBe(serializeModel(model));
  });

  it('records each dispatch as one undo step and replays it on redo', () => {
    const store = new EditorStore(smallModel());
    const before = store.getState().doc;
    const command = addNode(before, 'activity', { x: 10.4, y: 20.6 });
    expect(store.dispatch(command)).toBe(true);
    const added = store.getState().doc.nodes.get(command.id)!;
    expect(added).toMatchObject({ kind: 'activity', label: 'New activity', position: { x: 10, y: 21 } });
    expect(store.getState().selection.nodes.has(command.id)).toBe(true);
    expect(store.getState().canUndo).toBe(true);

    store.undo();
    expect(store.getState().doc.nodes.has(command.id)).toBe(false);
    expect(serializeModel(modelFromDoc(store.getState().doc))).toBe(serializeModel(modelFromDoc(before)));
    expect(store.getState().selection.nodes.size).toBe(0); // pruned: the node is gone
    expect(store.getState().canRedo).toBe(true);

    store.redo();
    expect(store.getState().doc.nodes.get(command.id)).toEqual(added);
    expect(store.getState().canRedo).toBe(false);
  });

  it('does not record a change that changes nothing', () => {
    const store = new EditorStore(smallModel());
    expect(store.dispatch(updateNode('a-1', { label: 'Monthly meetings' }))).toBe(false);
    expect(store.getState().canUndo).toBe(false);
  });

  it('a new change clears the redo stack', () => {
    const store = new EditorStore(smallModel());
    store.dispatch(updateNode('a-1', { label: 'One' }));
    store.undo();
    store.dispatch(updateNode('a-1', { label: 'Two' }));
    expect(store.getState().canRedo).toBe(false);
    expect(store.redo()).toBe(false);
  });

  it('keeps selection outside history', () => {
    const store = new EditorStore(smallModel());
    store.dispatch(updateNode('a-1', { label: 'Renamed' }));
    store.setSelection(selectionOf(['o-1']));
    store.undo();
    expect([...store.getState().selection.nodes]).toEqual(['o-1']);
    expect(store.getState().doc.nodes.get('a-1')!.label).toBe('Monthly meetings');
  });

  it('notifies subscribers once per change', () => {
    const store = new EditorStore(smallModel());
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.dispatch(updateNode('a-1', { label: 'x' }));
    store.undo();
    off();
    store.redo();
    expect(calls).toBe(2);
  });

  it('load() replaces the document and starts history afresh', () => {
    const store = new EditorStore(smallModel());
    store.dispatch(updateNode('a-1', { label: 'x' }));
    const session = store.getState().session;
    store.load({ schemaVersion: 1, title: 'Other', nodes: [], edges: [] });
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().session).toBe(session + 1);
    expect(store.getState().doc.meta.title).toBe('Other');
  });
});

describe('store: coalescing', () => {
  it('turns a burst of typing in one field into one undo step', () => {
    const c = clock();
    const store = new EditorStore(smallModel(), { now: c.now, coalesceMs: 1000 });
    for (const label of ['M', 'Mo', 'Mon', 'Mont']) {
      store.dispatch(updateNode('a-1', { label }, 'node:a-1:label'));
      c.advance(200);
    }
    expect(store.getState().doc.nodes.get('a-1')!.label).toBe('Mont');
    store.undo();
    expect(store.getState().doc.nodes.get('a-1')!.label).toBe('Monthly meetings');
    expect(store.getState().canUndo).toBe(false);
    store.redo();
    expect(store.getState().doc.nodes.get('a-1')!.label).toBe('Mont');
  });

  it('starts a new step after a pause, in another field, or after endCoalescing (blur)', () => {
    const c = clock();
    const store = new EditorStore(smallModel(), { now: c.now, coalesceMs: 1000 });
    const type = (id: string, field: string, value: string) => store.dispatch(updateNode(id, { [field]: value }, `node:${id}:${field}`));
    type('a-1', 'label', 'A');
    type('a-1', 'label', 'AB');
    c.advance(5000); // pause
    type('a-1', 'label', 'ABC');
    type('a-1', 'description', 'd'); // other field
    store.endCoalescing(); // blur
    type('a-1', 'description', 'de');
    const labels: string[] = [];
    while (store.undo()) labels.push(`${store.getState().doc.nodes.get('a-1')!.label}|${store.getState().doc.nodes.get('a-1')!.description ?? ''}`);
    expect(labels).toEqual(['ABC|d', 'ABC|', 'AB|', 'Monthly meetings|']);
  });

  it('never merges into a step that was undone', () => {
    const c = clock();
    const store = new EditorStore(smallModel(), { now: c.now });
    store.dispatch(updateNode('a-1', { label: 'A' }, 'k'));
    store.undo();
    store.dispatch(updateNode('a-1', { label: 'B' }, 'k'));
    store.undo();
    expect(store.getState().doc.nodes.get('a-1')!.label).toBe('Monthly meetings');
  });
});

describe('commands', () => {
  it('a drag of several nodes is one step', () => {
    const store = new EditorStore(smallModel());
    store.dispatch(moveNodes(new Map([['a-1', { x: 300.2, y: 80 }], ['m-1', { x: 600, y: 90.7 }]])));
    expect(store.getState().doc.nodes.get('a-1')!.position).toEqual({ x: 300, y: 80 });
    expect(store.getState().doc.nodes.get('m-1')!.position).toEqual({ x: 600, y: 91 });
    store.undo();
    expect(store.getState().doc.nodes.get('a-1')!.position).toEqual({ x: 280, y: 40 });
    expect(store.getState().doc.nodes.get('m-1')!.position).toEqual({ x: 560, y: 40 });
  });

  it('delete removes the nodes, every edge touching them, and references to removed edges', () => {
    const store = new EditorStore(smallModel());
    store.dispatch(deleteElements(store.getState().doc, selectionOf(['a-1'])));
    const { doc } = store.getState();
    expect(doc.nodes.has('a-1')).toBe(false);
    expect([...doc.edges.keys()].sort()).toEqual(['e-as', 'e-mo', 'e-oi']);
    expect(doc.edges.get('e-as')).not.toHaveProperty('edge');
    valid(store);
    store.undo();
    expect(store.getState().doc.edges.get('e-as')).toHaveProperty('edge', 'e-am');
    expect(store.getState().doc.edges.size).toBe(5);
  });

  it('adds edges with fresh ids', () => {
    const store = new EditorStore(smallModel());
    const command = addEdge(store.getState().doc, 'leads-to', 'a-1', 'o-1');
    store.dispatch(command);
    expect(store.getState().doc.edges.get(command.id)).toEqual({ id: command.id, kind: 'leads-to', source: 'a-1', target: 'o-1' });
    expect(store.getState().doc.nodes.has(command.id)).toBe(false);
    valid(store);
  });

  it('changing a kind keeps what the new kind accepts and drops the rest', () => {
    const store = new EditorStore(smallModel());
    store.dispatch(updateNode('a-1', { frequency: 'monthly', strategy: 'soft' }));
    store.dispatch(changeNodeKind(store.getState().doc, 'a-1', 'measure'));
    expect(store.getState().doc.nodes.get('a-1')).toEqual({
      id: 'a-1', kind: 'measure', label: 'Monthly meetings', position: { x: 280, y: 40 }, frequency: 'monthly',
    });
    store.dispatch(changeEdgeKind(store.getState().doc, 'e-am', 'enables'));
    expect(store.getState().doc.edges.get('e-as')).not.toHaveProperty('edge');
    valid(store);
  });

  it('edits nested settings and removes objects left empty', () => {
    const store = new EditorStore(smallModel());
    store.dispatch(setMetaValue(['community', 'approach'], 'qi-collaborative'));
    store.dispatch(addMetaItem(['community', 'sites'], { id: 'site-1', name: 'North' }));
    store.dispatch(updateNode('m-1', {}));
    store.dispatch(setMetaValue(['community', 'sites', 0, 'readiness'], 'high'));
    expect(store.getState().doc.meta.community).toEqual({ approach: 'qi-collaborative', sites: [{ id: 'site-1', name: 'North', readiness: 'high' }] });
    store.dispatch(renameSite(0, 'north'));
    expect(store.getState().doc.meta.community?.sites?.[0]?.id).toBe('north');
    store.dispatch(removeMetaItem(['community', 'sites'], 0));
    store.dispatch(setMetaValue(['community', 'approach'], undefined));
    expect(store.getState().doc.meta).not.toHaveProperty('community');
    valid(store);
  });

  it('renaming a site updates the nodes that name it', () => {
    const model = smallModel();
    model.community = { sites: [{ id: 's1', name: 'North' }] };
    model.nodes.push({ id: 'c-1', kind: 'context', label: 'Busy ward', site: 's1' });
    const store = new EditorStore(model);
    store.dispatch(renameSite(0, 'north'));
    expect(store.getState().doc.nodes.get('c-1')).toHaveProperty('site', 'north');
  });
});

describe('clipboard: copy, paste and duplicate', () => {
  it('duplicate gives new ids, keeps the edges inside the selection and selects the copies', () => {
    const store = new EditorStore(smallModel());
    const doc = store.getState().doc;
    store.dispatch(duplicateSelection(doc, selectionOf(['a-1', 'm-1', 'as-1'])));
    const after = store.getState();
    expect(after.doc.nodes.size).toBe(9);
    const copies = [...after.selection.nodes].map((id) => after.doc.nodes.get(id)!);
    expect(copies.map((n) => n.label).sort()).toEqual(['Monthly meetings', 'Peer norms', 'Staff attend']);
    for (const copy of copies) expect(doc.nodes.has(copy.id) || doc.edges.has(copy.id)).toBe(false);
    const copyOf = (label: string) => copies.find((n) => n.label === label)!;
    expect(copyOf('Monthly meetings').position).toEqual({ x: 320, y: 80 });
    // a-1 → m-1 (leads-to) and as-1 → m-1 (underpins, about a-1 → m-1) are inside; enables from in-1 is not.
    const newEdges = [...after.selection.edges].map((id) => after.doc.edges.get(id)!);
    expect(newEdges.map((e) => e.kind).sort()).toEqual(['leads-to', 'underpins']);
    const leads = newEdges.find((e) => e.kind === 'leads-to')!;
    expect(leads).toMatchObject({ source: copyOf('Monthly meetings').id, target: copyOf('Peer norms').id });
    expect(newEdges.find((e) => e.kind === 'underpins')).toMatchObject({ source: copyOf('Staff attend').id, edge: leads.id });
    valid(store);
    store.undo();
    expect(store.getState().doc.nodes.size).toBe(6);
  });

  it('pasting twice gives distinct ids each time and drops references that leave the fragment', () => {
    const store = new EditorStore(smallModel());
    const fragment = fragmentFromText(fragmentToText(copyFragment(store.getState().doc, selectionOf(['as-1', 'm-1']))))!;
    expect(fragment.nodes).toHaveLength(2);
    expect(fragment.edges.map((e) => e.id)).toEqual(['e-as']);
    store.dispatch(pasteFragment(store.getState().doc, fragment, { at: { x: 1000, y: 1000 } }));
    store.dispatch(pasteFragment(store.getState().doc, fragment, { at: { x: 2000, y: 1000 } }));
    const { doc } = store.getState();
    const ids = [...doc.nodes.keys(), ...doc.edges.keys()];
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.nodes.size).toBe(10);
    const pasted = [...doc.edges.values()].filter((e) => e.kind === 'underpins' && e.id !== 'e-as');
    expect(pasted).toHaveLength(2);
    for (const edge of pasted) expect(edge).not.toHaveProperty('edge'); // it was about a-1 → m-1, not copied
    const placed = [...doc.nodes.values()].filter((n) => n.label === 'Peer norms' && n.id !== 'm-1').map((n) => n.position);
    expect(placed).toEqual([{ x: 1000, y: 1000 }, { x: 2000, y: 1000 }]);
    valid(store);
  });

  it('reads only valid nodes and internal edges from clipboard text', () => {
    expect(fragmentFromText('not json')).toBeUndefined();
    expect(fragmentFromText('{"nodes": []}')).toBeUndefined();
    const fragment = fragmentFromText(
      JSON.stringify({
        tocFragment: 1,
        nodes: [{ id: 'x', kind: 'activity', label: 'ok' }, { id: 'y', kind: 'nonsense', label: 'bad' }],
        edges: [{ id: 'e', kind: 'leads-to', source: 'x', target: 'y' }],
      }),
    )!;
    expect(fragment.nodes.map((n) => n.id)).toEqual(['x']);
    expect(fragment.edges).toEqual([]);
  });
});
