import { describe, expect, it } from 'vitest';
import type { EditorController } from '../../src/editor/controller';
import { docFromModel, selectionOf } from '../../src/editor/doc';
import {
  clearReading,
  collapseSelection,
  computeReadingView,
  currentReadingView,
  EMPTY_READING,
  expandGroup,
  readingView,
  setReading,
  shownSelection,
  togglePathway,
  type ReadingState,
} from '../../src/editor/reading';
import { EditorStore } from '../../src/editor/store';
import { initialUiState, SimpleStore } from '../../src/editor/ui-state';
import type { Finding } from '../../src/lint/types';
import type { Model } from '../../src/model';
import { smallModel } from './fixtures';

// smallModel plus a risk on the activity and a measure of the outcome.
const model: Model = {
  ...smallModel(),
  nodes: [
    ...smallModel().nodes,
    { id: 'r-1', kind: 'risk', label: 'Attendance fades' },
    { id: 'me-1', kind: 'measure', label: 'Infection rate' },
  ],
  edges: [
    ...smallModel().edges,
    { id: 'e-ra', kind: 'threatens', source: 'r-1', target: 'a-1' },
    { id: 'e-me', kind: 'measures', source: 'me-1', target: 'o-1' },
  ],
};
const doc = docFromModel(model);
const state = (change: Partial<ReadingState>): ReadingState => ({ ...EMPTY_READING, ...change });
const finding = (change: Partial<Finding>): Finding => ({ rule: 'r', lesson: 2, severity: 'warning', message: 'm', fix: 'f', ...change });
const sorted = (ids: Iterable<string> | undefined) => [...(ids ?? [])].sort();

/** The two stores the reading functions use, as the editor's controller holds them. */
function editor(): EditorController {
  return { store: new EditorStore(model), ui: new SimpleStore(initialUiState()) } as unknown as EditorController;
}

describe('computeReadingView', () => {
  it('is no view at all when nothing is asked for', () => {
    expect(readingView(doc, [], EMPTY_READING)).toBeNull();
  });

  it('combines the spine and a kind filter as an intersection, and counts what is shown', () => {
    const view = computeReadingView(doc, [], state({ spineOnly: true, kinds: new Set(['activity', 'mechanism', 'risk']) }));
    expect(sorted(view.visible?.nodes)).toEqual(['a-1', 'm-1']);
    expect(sorted(view.visible?.edges)).toEqual(['e-am']);
    expect([view.shownNodes, view.totalNodes]).toEqual([2, 8]);
  });

  it('filters by lesson and severity, ignoring suppressed findings; a link finding brings its ends', () => {
    const findings = [
      finding({ nodeId: 'a-1', lesson: 1, severity: 'error' }),
      finding({ nodeId: 'i-1', lesson: 1, severity: 'info' }),
      finding({ edgeId: 'e-mo', lesson: 6, severity: 'error' }),
      finding({ nodeId: 'r-1', lesson: 1, severity: 'error', suppressed: { reason: 'accepted' } }),
      finding({ lesson: 1, severity: 'error' }), // about the model as a whole: no node to show
    ];
    const of = (lesson: ReadingState['findings']) => sorted(computeReadingView(doc, findings, state({ findings: lesson })).visible?.nodes);
    expect(of({ lesson: 1, severity: 'any' })).toEqual(['a-1', 'i-1']);
    expect(of({ lesson: 1, severity: 'error' })).toEqual(['a-1']);
    expect(of({ lesson: 'any', severity: 'error' })).toEqual(['a-1', 'm-1', 'o-1']);
    expect(of({ lesson: null, severity: 'any' })).toEqual([]);
  });

  it('collapses only what passes the filters, and leaves out a group with no member shown', () => {
    const groups = [
      { id: 'group#a', name: 'Doing', members: ['in-1', 'a-1', 'r-1'] },
      { id: 'group#b', name: 'Watching', members: ['me-1', 'as-1'] },
    ];
    const all = computeReadingView(doc, [], state({ groups }));
    expect(all.groups.map((g) => [g.group.name, g.shown])).toEqual([['Doing', 3], ['Watching', 2]]);
    expect(sorted(all.collapsed.merged.map((m) => m.id))).toEqual(['group#a→m-1', 'group#b→m-1', 'group#b→o-1']);
    const spine = computeReadingView(doc, [], state({ groups, spineOnly: true }));
    expect(spine.groups.map((g) => [g.group.name, g.shown])).toEqual([['Doing', 2]]);
    expect(spine.collapsed.merged.map((m) => m.id)).toEqual(['group#a→m-1']);
  });

  it('emphasises the pathway of nodes that still exist', () => {
    const view = computeReadingView(doc, [], state({ focus: ['m-1', 'gone'] }));
    expect(sorted(view.emphasis?.focus)).toEqual(['m-1']);
    expect(sorted(view.emphasis?.path.nodes)).toEqual(['a-1', 'i-1', 'in-1', 'm-1', 'o-1']);
    expect(sorted(view.emphasis?.path.satellites.nodes)).toEqual(['as-1', 'me-1', 'r-1']);
    expect(computeReadingView(doc, [], state({ focus: ['gone'] })).emphasis).toBeNull();
  });

  it('is computed once for the same document, findings and state', () => {
    const reading = state({ spineOnly: true });
    const findings: Finding[] = [];
    const first = readingView(doc, findings, reading);
    expect(readingView(doc, findings, reading)).toBe(first);
    expect(readingView(doc, [], reading)).not.toBe(first); // new findings: computed again
  });
});

describe('reading in the editor', () => {
  it('never changes the model or its history, and never leaves hidden nodes selected', () => {
    const e = editor();
    const before = e.store.getState().doc;
    e.store.setSelection(selectionOf(['a-1', 'r-1'], ['e-ra']));
    setReading(e, { spineOnly: true });
    expect(sorted(e.store.getState().selection.nodes)).toEqual(['a-1']);
    expect(e.store.getState().selection.edges.size).toBe(0);
    // Select all then Delete would otherwise remove what the reader cannot see.
    const all = shownSelection(e, selectionOf(doc.nodes.keys(), doc.edges.keys()));
    expect(sorted(all.nodes)).toEqual(['a-1', 'i-1', 'in-1', 'm-1', 'o-1']);
    expect(all.edges.has('e-as')).toBe(false);
    clearReading(e);
    expect(currentReadingView(e)).toBeNull();
    expect(e.store.getState().doc).toBe(before);
    expect(e.store.getState().canUndo).toBe(false);
  });

  it('toggles the pathway of the selection', () => {
    const e = editor();
    e.store.setSelection(selectionOf(['m-1']));
    togglePathway(e);
    expect(e.ui.getState().reading.focus).toEqual(['m-1']);
    togglePathway(e);
    expect(e.ui.getState().reading.focus).toBeNull();
  });

  it('collapses two or more selected nodes into a named group and expands it with its members selected', () => {
    const e = editor();
    e.store.setSelection(selectionOf(['a-1']));
    collapseSelection(e, 'Alone');
    expect(e.ui.getState().reading.groups).toEqual([]);
    e.store.setSelection(selectionOf(['a-1', 'm-1']));
    collapseSelection(e, '  ');
    const [group] = e.ui.getState().reading.groups;
    expect(group?.name).toBe('Group of 2 nodes');
    expect(e.store.getState().selection.nodes.size).toBe(0); // members are hidden now
    expandGroup(e, group!.id);
    expect(e.ui.getState().reading.groups).toEqual([]);
    expect(sorted(e.store.getState().selection.nodes)).toEqual(['a-1', 'm-1']);
    expect(e.store.getState().canUndo).toBe(false);
  });
});
