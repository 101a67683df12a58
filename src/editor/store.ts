// The editor's store: one dispatch point for every change to the document, through immer's
// produceWithPatches, so undo and redo replay inverse patches. Selection, drag previews and lint
// findings are view state, kept beside the document but outside history. No React, no DOM: the
// unit tests drive this directly.
import { applyPatches, enableMapSet, enablePatches, produceWithPatches, setAutoFreeze, type Draft, type Patch } from 'immer';
import type { Finding } from '../lint/types';
import type { Model } from '../model';
import { docFromModel, EMPTY_SELECTION, type Doc, type Selection, type XY } from './doc';

enableMapSet();
enablePatches();
// Freezing catches a stray mutation in development and tests; in the built editor it walked every
// node on each change (8 ms on the first edit of 2,000 nodes, 1 ms on each after).
setAutoFreeze(import.meta.env.DEV);

export type Recipe = (draft: Draft<Doc>) => void;

/** A change to the document, ready to dispatch (commands.ts builds these). */
export interface Command {
  /** What the change is, for people ("Move", "Edit label"). */
  label: string;
  recipe: Recipe;
  /**
   * Changes with the same key, made one after another within the coalescing window and with no
   * `endCoalescing()` between them (a field's blur), form one undo step: a burst of typing.
   */
  coalesce?: string;
  /** The selection after the change (for example the nodes just pasted). */
  select?: Selection;
}

interface HistoryEntry {
  label: string;
  patches: Patch[];
  inverse: Patch[];
  coalesce?: string;
  time: number;
}

export interface EditorState {
  readonly doc: Doc;
  readonly selection: Selection;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoLabel: string | undefined;
  readonly redoLabel: string | undefined;
  /** Changes whenever a different document is loaded (not on edits): views reset their camera on it. */
  readonly session: number;
  /** Positions of nodes being dragged, drawn but not yet written to the model (written on drag stop). */
  readonly drag: ReadonlyMap<string, XY> | null;
  readonly findings: readonly Finding[];
}

export interface StoreOptions {
  now?: () => number;
  /** How long a pause still continues a coalesced burst, in ms. */
  coalesceMs?: number;
  historyLimit?: number;
}

type Listener = () => void;

export class EditorStore {
  private state: EditorState;
  private readonly listeners = new Set<Listener>();
  private past: HistoryEntry[] = [];
  private future: HistoryEntry[] = [];
  private sealed = true;
  private readonly now: () => number;
  private readonly coalesceMs: number;
  private readonly historyLimit: number;

  constructor(model: Model, options: StoreOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.coalesceMs = options.coalesceMs ?? 2000;
    this.historyLimit = options.historyLimit ?? 500;
    this.state = {
      doc: docFromModel(model),
      selection: EMPTY_SELECTION,
      canUndo: false,
      canRedo: false,
      undoLabel: undefined,
      redoLabel: undefined,
      session: 1,
      drag: null,
      findings: [],
    };
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The one way the document changes. Returns false when the command changed nothing. */
  dispatch = (command: Command): boolean => {
    const [doc, patches, inverse] = produceWithPatches(this.state.doc, command.recipe);
    if (patches.length === 0) {
      if (command.select) this.set({ selection: command.select });
      return false;
    }
    const time = this.now();
    const last = this.past[this.past.length - 1];
    if (
      command.coalesce !== undefined &&
      !this.sealed &&
      last?.coalesce === command.coalesce &&
      time - last.time <= this.coalesceMs
    ) {
      last.patches.push(...patches);
      last.inverse.unshift(...inverse);
      last.time = time;
    } else {
      this.past.push({ label: command.label, patches, inverse, coalesce: command.coalesce, time });
      if (this.past.length > this.historyLimit) this.past.shift();
    }
    this.sealed = command.coalesce === undefined;
    this.future = [];
    this.set({ doc, selection: pruneSelection(command.select ?? this.state.selection, doc) });
    return true;
  };

  /** Ends a coalescing burst (a field lost focus): the next change starts a new undo step. */
  endCoalescing = (): void => {
    this.sealed = true;
  };

  undo = (): boolean => {
    const entry = this.past.pop();
    if (!entry) return false;
    this.sealed = true;
    this.future.push(entry);
    const doc = applyPatches(this.state.doc, entry.inverse);
    this.set({ doc, selection: pruneSelection(this.state.selection, doc) });
    return true;
  };

  redo = (): boolean => {
    const entry = this.future.pop();
    if (!entry) return false;
    this.sealed = true;
    this.past.push(entry);
    const doc = applyPatches(this.state.doc, entry.patches);
    this.set({ doc, selection: pruneSelection(this.state.selection, doc) });
    return true;
  };

  /** Replaces the document (open, new, restore): history starts afresh. */
  load = (model: Model): void => {
    this.past = [];
    this.future = [];
    this.sealed = true;
    this.set({ doc: docFromModel(model), selection: EMPTY_SELECTION, drag: null, findings: [], session: this.state.session + 1 });
  };

  setSelection = (selection: Selection): void => {
    if (sameSelection(selection, this.state.selection)) return;
    this.set({ selection: pruneSelection(selection, this.state.doc) });
  };

  setDrag = (drag: ReadonlyMap<string, XY> | null): void => {
    if (drag === this.state.drag) return;
    this.set({ drag });
  };

  setFindings = (findings: readonly Finding[]): void => {
    this.set({ findings });
  };

  private set(partial: Partial<EditorState>): void {
    const next = { ...this.state, ...partial };
    const top = this.past[this.past.length - 1];
    const redo = this.future[this.future.length - 1];
    next.canUndo = top !== undefined;
    next.canRedo = redo !== undefined;
    next.undoLabel = top?.label;
    next.redoLabel = redo?.label;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

function pruneSelection(selection: Selection, doc: Doc): Selection {
  let pruned = true;
  for (const id of selection.nodes) if (!doc.nodes.has(id)) pruned = false;
  for (const id of selection.edges) if (!doc.edges.has(id)) pruned = false;
  if (pruned) return selection;
  return {
    nodes: new Set([...selection.nodes].filter((id) => doc.nodes.has(id))),
    edges: new Set([...selection.edges].filter((id) => doc.edges.has(id))),
  };
}

export function sameSelection(a: Selection, b: Selection): boolean {
  if (a === b) return true;
  if (a.nodes.size !== b.nodes.size || a.edges.size !== b.edges.size) return false;
  for (const id of a.nodes) if (!b.nodes.has(id)) return false;
  for (const id of a.edges) if (!b.edges.has(id)) return false;
  return true;
}
