// The editor's services: what actions, panels and the canvas call to act on the model and the
// browser (files, autosave, clipboard, camera). Every model change still goes through store.dispatch.
import type { ReactFlowInstance } from '@xyflow/react';
import { decodeModelBytes, parseModel, serializeModel, SCHEMA_VERSION, type EdgeKind, type Model, type NodeKind } from '../model';
import { nodeSize } from '../render/text';
import { claimWorkingCopy, readWorkingCopy, saveWorkingCopyText, THIS_TAB, type SavedCopy } from './autosave';
import {
  addEdge,
  addNode,
  copyFragment,
  deleteElements,
  duplicateSelection,
  fragmentFromText,
  fragmentToText,
  pasteFragment,
  type Fragment,
} from './commands';
import { decideConnection, EDGE_VERBS, thirdPerson } from './connect';
import { isSelectionEmpty, modelFromDoc, selectionOf, type XY } from './doc';
import { changedOnDisk, pickFileToOpen, canPickFiles, readBytes, saveAs, stampOf, suggestedFileName, writeToHandle, type DiskStamp } from './file-io';
import { reconcileFindings } from './findings';
import { loadLint, type LintModule } from './lint-bridge';
import { placeUnpositioned } from './placement';
import { planRepair, type RepairPlan } from './repair';
import { isTypingTarget, matchesShortcut } from './shortcuts';
import { EditorStore } from './store';
import { initialUiState, SimpleStore, type Example, type FileState, type Notice } from './ui-state';
import { ACTIONS } from './actions';
import { LayoutCancelled, LayoutClient, type LayoutJob, type WorkerLike } from '../layout/client'; // not '../layout': that bundles ELK
import { layoutSettingsOf, snapshotRoutes, tidyCommand, type LayoutSettings } from './layout-bridge';
import { EMPTY_READING, shownSelection } from './reading';

export const BLANK_TITLE = 'Untitled theory of change';

export function blankModel(): Model {
  return { schemaVersion: SCHEMA_VERSION, title: BLANK_TITLE, nodes: [], edges: [] };
}

/** The bundled examples, parsed; the Keystone model first when present (the default on first start). */
export function parseExamples(files: Record<string, string>): Example[] {
  const examples: Example[] = [];
  for (const [path, text] of Object.entries(files)) {
    const parsed = parseModel(text);
    if (!parsed.ok) continue;
    const name = path.replace(/^.*\//, '').replace(/\.toc\.json$/, '');
    examples.push({ name, title: parsed.model.title, text });
  }
  return examples.sort((a, b) => Number(b.name.includes('keystone')) - Number(a.name.includes('keystone')) || a.name.localeCompare(b.name));
}

const PASTE_STEP = 40;
const LINT_DELAY_MS = 150;
const AUTOSAVE_DELAY_MS = 250;

export class EditorController {
  readonly store: EditorStore;
  readonly ui = new SimpleStore(initialUiState());
  readonly examples: readonly Example[];
  flow: ReactFlowInstance | null = null;
  canvasElement: HTMLElement | null = null;
  openInput: HTMLInputElement | null = null;
  readonly actions = ACTIONS;
  lintModule: LintModule | undefined;

  private clipboard: Fragment | null = null;
  private pasteCount = 0;
  private noticeId = 0;
  private lintTimer: ReturnType<typeof setTimeout> | undefined;
  private lintRunning = false;
  private lintAgain = false;
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSerialized: { doc: unknown; text: string } | undefined;
  /** The document last seen by autosave and lint (selection changes are not edits). */
  private lastDoc: unknown;
  private started = false;
  /** Whether this tab writes the working copy (one tab at a time does: autosave.ts). */
  private ownsWorkingCopy = true;
  private layoutClient: LayoutClient | undefined;
  private layoutJob: LayoutJob | undefined;

  constructor(examples: readonly Example[]) {
    this.examples = examples;
    const first = examples[0];
    const model = first ? (parseModel(first.text) as { ok: true; model: Model }).model : blankModel();
    this.store = new EditorStore(placeUnpositioned(model));
    this.lastDoc = this.store.getState().doc;
    this.ui.set({ file: { ...this.ui.getState().file, savedText: serializeModel(model) } });
  }

  // --- start-up ----------------------------------------------------------------------------------

  /** Restores the working copy (or keeps the example), then starts autosave, lint and the listeners. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.ownsWorkingCopy = await claimWorkingCopy(false, this.onWorkingCopyTaken);
    this.ui.set({ otherTab: !this.ownsWorkingCopy });
    try {
      const copy = await readWorkingCopy();
      const parsed = copy ? parseModel(copy.text) : undefined;
      if (copy && parsed?.ok) {
        this.load(parsed.model, { name: copy.fileName, handle: copy.handle, savedText: copy.savedText, disk: copy.disk ?? null });
        const when = new Date(copy.time).toLocaleString();
        this.notify(`Restored your working copy of “${parsed.model.title}”, autosaved in this browser at ${when}.`, 'info', true);
      }
    } catch {
      this.notify('Autosave is not available in this browser (IndexedDB is blocked); save your work to a file.', 'error', true);
    }
    this.store.subscribe(this.onStoreChange);
    void loadLint().then((module) => {
      this.lintModule = module;
      this.ui.set({ lintReady: module !== undefined });
      this.runLint();
    });
    window.addEventListener('beforeunload', this.onBeforeUnload);
    window.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('keydown', this.onKeyDownCapture, { capture: true });
    window.addEventListener('dragover', this.onWindowDragOver);
    window.addEventListener('drop', this.onWindowDrop);
    window.addEventListener('pagehide', this.flushAutosave);
    document.addEventListener('copy', this.onCopy);
    document.addEventListener('cut', this.onCut);
    document.addEventListener('paste', this.onPaste);
  }

  private onStoreChange = () => {
    const { doc } = this.store.getState();
    if (doc === this.lastDoc) return;
    this.lastDoc = doc;
    // An edit shows as unsaved at once; whether the model still differs from the file (an undo may
    // have come back to it) is settled when the working copy is written, which serialises it anyway.
    // (Loading a model sets the exact state right after this.)
    if (!this.ui.getState().file.dirty) this.setFile({ dirty: true });
    this.scheduleLint();
    this.scheduleAutosave();
  };

  // --- lint ----------------------------------------------------------------------------------------

  private scheduleLint() {
    clearTimeout(this.lintTimer);
    // Typing stays fast: the check waits for a pause, then for the browser to be idle.
    this.lintTimer = setTimeout(() => {
      const idle = (window as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number }).requestIdleCallback;
      if (idle) idle(() => this.runLint(), { timeout: 500 });
      else this.runLint();
    }, LINT_DELAY_MS);
  }

  private runLint() {
    const module = this.lintModule;
    if (!module) return;
    // One check at a time; a change made meanwhile is checked when it ends.
    if (this.lintRunning) {
      this.lintAgain = true;
      return;
    }
    this.lintRunning = true;
    // Measured (bench/editor.ts reads these): the check itself, and what it costs the main thread.
    const start = performance.now();
    const { doc } = this.store.getState();
    const job = module.lint(modelFromDoc(doc));
    const sent = performance.now() - start;
    job
      .then(({ findings: result, ms }) => {
        performance.measure('toc:lint', { start, duration: ms });
        const applied = performance.now();
        const { findings, doc: now } = this.store.getState();
        // Findings of a document since changed would be stale; its own check is coming.
        if (now !== doc) return;
        const next = reconcileFindings(findings, result);
        if (next !== findings) this.store.setFindings(next);
        performance.measure('toc:lint-main', { start: applied, duration: sent + performance.now() - applied });
      })
      .catch((error: unknown) => console.error('lint failed', error))
      .finally(() => {
        this.lintRunning = false;
        if (this.lintAgain) {
          this.lintAgain = false;
          this.runLint();
        }
      });
  }

  // --- autosave and unsaved changes ------------------------------------------------------------

  private serialized(): string {
    const { doc } = this.store.getState();
    if (this.lastSerialized?.doc !== doc) this.lastSerialized = { doc, text: serializeModel(modelFromDoc(doc)) };
    return this.lastSerialized.text;
  }

  isDirty(): boolean {
    return this.serialized() !== this.ui.getState().file.savedText;
  }

  private setFile(partial: Partial<FileState>) {
    this.ui.set((state) => ({ file: { ...state.file, ...partial } }));
  }

  private scheduleAutosave() {
    clearTimeout(this.autosaveTimer);
    // Serialising is left to the flush: a burst of typing costs one write, not one per key.
    const { autosave } = this.ui.getState().file;
    if (autosave !== 'pending' && autosave !== 'paused') this.setFile({ autosave: 'pending' });
    // Writing a large model takes a while (serialising, then IndexedDB's copy; in the checker's worker
    // when there is one): it waits for a longer pause, 1 ms more per kB written last time (about 1 s at 2,000 nodes).
    const delay = Math.min(2000, AUTOSAVE_DELAY_MS + (this.lastSerialized?.text.length ?? 0) / 1000);
    this.autosaveTimer = setTimeout(() => this.writeAutosave(true), delay);
  }

  /** Writes the working copy now (page hide, a save, a take-over): on this thread, so it is under way before the page goes. */
  flushAutosave = () => this.writeAutosave(false);

  /** In the background, the rule checker's worker serialises and writes (1 MB at 2,000 nodes), and hands back the text. */
  private writeAutosave(inBackground: boolean) {
    clearTimeout(this.autosaveTimer);
    const { file } = this.ui.getState();
    if (file.autosave !== 'pending' && file.autosave !== 'paused') return;
    const { doc } = this.store.getState();
    const details = { savedText: file.savedText, fileName: file.name, handle: file.handle, disk: file.disk, time: Date.now(), owner: THIS_TAB };
    let written: Promise<SavedCopy>;
    if (inBackground && this.ownsWorkingCopy && this.lintModule && this.lastSerialized?.doc !== doc) {
      written = this.lintModule.save(modelFromDoc(doc), details);
    } else {
      const text = this.serialized();
      if (file.dirty !== (text !== file.savedText)) this.setFile({ dirty: text !== file.savedText });
      if (!this.ownsWorkingCopy) return this.setFile({ autosave: 'paused' });
      written = saveWorkingCopyText(text, details);
    }
    written.then(
      ({ text, failed, taken }) => {
        // Another tab took the working copy before this write landed: this tab stops (onLost says so too).
        if (taken) return this.onWorkingCopyTaken();
        // Saved only if nothing changed meanwhile (typing may go on); the next write says otherwise.
        if (this.store.getState().doc !== doc) return;
        if (this.lastSerialized?.doc !== doc) this.lastSerialized = { doc, text };
        const { savedText } = this.ui.getState().file;
        this.setFile({ dirty: text !== savedText, autosave: failed ? 'failed' : 'saved' });
      },
      () => this.setFile({ autosave: 'failed' }),
    );
  }

  /** Another tab took over the working copy: this one stops writing it (its model stays on screen). */
  private onWorkingCopyTaken = () => {
    this.ownsWorkingCopy = false;
    clearTimeout(this.autosaveTimer);
    this.ui.set({ otherTab: true });
    this.setFile({ autosave: 'paused' });
  };

  /** This tab's model becomes the working copy; the other tab stops autosaving. */
  async takeOverWorkingCopy(): Promise<void> {
    this.ownsWorkingCopy = await claimWorkingCopy(true, this.onWorkingCopyTaken);
    this.ui.set({ otherTab: !this.ownsWorkingCopy });
    this.setFile({ autosave: 'pending' });
    this.flushAutosave();
  }

  private onBeforeUnload = (event: BeforeUnloadEvent) => {
    this.flushAutosave();
    if (!this.isDirty()) return;
    event.preventDefault();
    event.returnValue = '';
  };

  // --- notices ------------------------------------------------------------------------------------

  notify(message: string, tone: Notice['tone'] = 'info', sticky = false): void {
    const id = ++this.noticeId;
    this.ui.set((state) => ({ notices: [...state.notices.filter((n) => n.sticky || n.tone === 'error').slice(-3), { id, tone, message, sticky }] }));
    if (!sticky) setTimeout(() => this.dismiss(id), tone === 'error' ? 9000 : 5000);
  }

  dismiss(id: number): void {
    this.ui.set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
  }

  // --- documents and files -------------------------------------------------------------------------

  load(model: Model, file: { name: string | null; handle: FileSystemFileHandle | null; savedText: string | null; disk: DiskStamp | null }): void {
    this.cancelLayout();
    this.ui.set({ routes: null, layoutSettings: null, layoutRun: null, reading: EMPTY_READING });
    this.store.load(placeUnpositioned(model));
    this.lastDoc = this.store.getState().doc;
    this.setFile({ ...file, autosave: 'idle' });
    this.setFile({ dirty: this.isDirty() });
    this.scheduleLint();
    // The working copy is now this model, so a reload brings back what was just opened.
    this.scheduleAutosave();
  }

  /** Replacing the model would lose unsaved changes (autosave keeps one working copy): ask first. */
  private mayDiscardChanges(): boolean {
    return !this.isDirty() || window.confirm('This model has changes that are not saved to a file. Discard them?');
  }

  newModel(template: Example | null): void {
    if (!this.mayDiscardChanges()) return;
    const model = template ? (parseModel(template.text) as { ok: true; model: Model }).model : blankModel();
    this.load(model, { name: null, handle: null, savedText: serializeModel(model), disk: null });
    this.ui.set({ dialog: null });
    this.notify(template ? `New model from the template “${template.title}”.` : 'New blank model.', 'success');
  }

  async open(): Promise<void> {
    if (canPickFiles()) {
      try {
        const picked = await pickFileToOpen();
        if (picked) await this.openFile(picked.file, picked.handle);
      } catch (error) {
        this.notify(`Could not open the file: ${(error as Error).message}`, 'error');
      }
      return;
    }
    this.openInput?.click();
  }

  async openFile(file: File, handle: FileSystemFileHandle | null): Promise<void> {
    if (!this.mayDiscardChanges()) return;
    const decoded = decodeModelBytes(await readBytes(file));
    const parsed = decoded.ok ? parseModel(decoded.text) : decoded;
    if (parsed.ok) {
      const disk = handle && decoded.ok ? { lastModified: file.lastModified, text: decoded.text } : null;
      this.load(parsed.model, { name: file.name, handle, savedText: serializeModel(parsed.model), disk });
      this.notify(`Opened ${file.name}.`, 'success');
      return;
    }
    const repair: RepairPlan = decoded.ok
      ? planRepair(decoded.text)
      : { ok: false, reason: 'The file cannot be read as UTF-8 text, so there is nothing to repair; save it as UTF-8 and open it again.' };
    this.ui.set({ dialog: { type: 'problems', fileName: file.name, problems: parsed.problems, repair } });
  }

  applyRepair(fileName: string, plan: Extract<RepairPlan, { ok: true }>): void {
    this.load(plan.model, { name: fileName, handle: null, savedText: null, disk: null });
    this.ui.set({ dialog: null });
    this.notify(`Opened ${fileName} after ${plan.actions.length} repair${plan.actions.length === 1 ? '' : 's'}; save it to keep them.`, 'success');
  }

  private markSaved(text: string, name: string, handle: FileSystemFileHandle | null, disk: DiskStamp | null) {
    this.setFile({ name, handle, disk, savedText: text, dirty: this.serialized() !== text, autosave: 'pending' });
    this.flushAutosave();
    this.notify(`Saved ${name}.`, 'success');
  }

  /** Save back to the open file; if it changed on disk since this tab read or wrote it, ask first. */
  async save(overwrite = false): Promise<void> {
    const { handle, name, disk } = this.ui.getState().file;
    if (!handle || !name) return this.saveAs();
    const text = this.serialized();
    try {
      if (!overwrite && disk && (await changedOnDisk(handle, disk))) {
        this.ui.set({ dialog: { type: 'save-conflict', fileName: name } });
        return;
      }
      await writeToHandle(handle, text);
      this.markSaved(text, name, handle, await stampOf(handle, text));
    } catch (error) {
      this.notify(`Could not save ${name}: ${(error as Error).message}. Try Save As.`, 'error');
    }
  }

  /** The file changed on disk and the user prefers that version: open it in place of this model. */
  async reopenFromDisk(): Promise<void> {
    const { handle, name } = this.ui.getState().file;
    if (!handle) return;
    try {
      await this.openFile(await handle.getFile(), handle);
    } catch (error) {
      this.notify(`Could not open ${name}: ${(error as Error).message}`, 'error');
    }
  }

  async saveAs(): Promise<void> {
    const text = this.serialized();
    const { name } = this.ui.getState().file;
    try {
      const result = await saveAs(text, name ?? suggestedFileName(this.store.getState().doc.meta.title));
      if (result) this.markSaved(text, result.name, result.handle, result.disk);
    } catch (error) {
      this.notify(`Could not save: ${(error as Error).message}`, 'error');
    }
  }

  private onWindowDragOver = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };

  private onWindowDrop = (event: DragEvent) => {
    const transfer = event.dataTransfer;
    if (!transfer?.types.includes('Files')) return;
    event.preventDefault();
    const item = [...transfer.items].find((i) => i.kind === 'file');
    const file = transfer.files[0];
    if (!file) return;
    const getHandle = (item as DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> } | undefined)?.getAsFileSystemHandle;
    const handlePromise = getHandle ? getHandle.call(item).catch(() => null) : Promise.resolve(null);
    void handlePromise.then((handle) => this.openFile(file, handle?.kind === 'file' ? (handle as FileSystemFileHandle) : null));
  };

  // --- layout ------------------------------------------------------------------------------------

  layoutSettings(): LayoutSettings {
    return this.ui.getState().layoutSettings ?? layoutSettingsOf(this.store.getState().doc);
  }

  /** Lays the model out in a Web Worker (the page stays responsive) and applies it as one undo step. */
  async tidyLayout(): Promise<void> {
    if (this.layoutJob) return;
    const doc = this.store.getState().doc;
    if (doc.nodes.size === 0) return;
    const settings = this.layoutSettings();
    // One warm worker between runs; a cancel terminates it and the next run starts a fresh one.
    this.layoutClient ??= new LayoutClient(
      () => new Worker(new URL('../layout/worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike,
    );
    const job = this.layoutClient.layout(modelFromDoc(doc), settings, (progress) => {
      if (this.layoutJob === job) this.ui.set({ layoutRun: { state: 'running', where: job.where, fraction: progress.fraction, message: progress.message } });
    });
    this.layoutJob = job;
    this.ui.set({ layoutRun: { state: 'running', where: job.where, fraction: 0, message: 'Starting the layout…' } });
    try {
      const result = await job.promise;
      if (this.layoutJob !== job) return;
      // Dropping the links the view shows and moving every node, in one task, made one frame of
      // 250–500 ms at 2,000 nodes (bench/editor.ts); in two frames, each is shorter.
      this.ui.set({ layoutRun: { state: 'applying', where: job.where, fraction: 1, message: 'Moving the nodes into place…' } });
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (this.layoutJob !== job) return;
      // The layout ran on the document as it was; edits made meanwhile stay, only positions change.
      const command = tidyCommand(this.store.getState().doc, result, settings);
      if (command) this.store.dispatch(command);
      this.ui.set({
        routes: snapshotRoutes(this.store.getState().doc, result),
        layoutRun: { state: 'done', where: job.where, fraction: 1, message: `Tidy layout done (${result.stats.nodes} nodes, ${Math.round(result.stats.totalMs)} ms).` },
      });
    } catch (error) {
      if (this.layoutJob !== job) return;
      const cancelled = error instanceof LayoutCancelled;
      this.ui.set({
        layoutRun: { state: cancelled ? 'cancelled' : 'failed', where: job.where, fraction: 0, message: cancelled ? 'Layout cancelled; nothing was moved.' : `Layout failed: ${(error as Error).message}` },
      });
    } finally {
      if (this.layoutJob === job) this.layoutJob = undefined;
    }
  }

  /** Stops a running layout (the worker is terminated). */
  cancelLayout(): void {
    const job = this.layoutJob;
    if (!job) return;
    job.cancel();
    this.ui.set({ layoutRun: { state: 'cancelled', where: job.where, fraction: 0, message: 'Layout cancelled; nothing was moved.' } });
    this.layoutJob = undefined;
  }

  // --- camera and selection ------------------------------------------------------------------------

  /** Selects a node or an edge and brings it to the middle of the view. */
  focusElement(id: string): void {
    const { doc } = this.store.getState();
    const node = doc.nodes.get(id);
    const edge = doc.edges.get(id);
    const centre = (nodeId: string): XY | undefined => {
      const n = doc.nodes.get(nodeId);
      if (!n?.position) return undefined;
      const size = nodeSize(n);
      return { x: n.position.x + size.width / 2, y: n.position.y + size.height / 2 };
    };
    let point: XY | undefined;
    if (node) {
      this.store.setSelection(selectionOf([id]));
      point = centre(id);
    } else if (edge) {
      this.store.setSelection(selectionOf([], [id]));
      const a = centre(edge.source);
      const b = centre(edge.target);
      if (a && b) point = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    } else {
      return;
    }
    if (point && this.flow) {
      void this.flow.setCenter(point.x, point.y, { zoom: Math.max(this.flow.getZoom(), 0.9), duration: 250 });
    }
  }

  /**
   * Moves keyboard focus to a node on the canvas. A big model draws only the nodes in view (see
   * Canvas.tsx), so a node the view is panning to may be drawn a few frames later: wait for it.
   */
  focusNodeElement(id: string, framesLeft = 30): void {
    const element = this.canvasElement?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (element) element.focus({ preventScroll: true });
    else if (framesLeft > 0 && this.store.getState().doc.nodes.has(id)) requestAnimationFrame(() => this.focusNodeElement(id, framesLeft - 1));
  }

  /** The point in the middle of the canvas, in model coordinates. */
  viewCentre(): XY {
    const rect = this.canvasElement?.getBoundingClientRect();
    if (!this.flow || !rect) return { x: 0, y: 0 };
    return this.flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  }

  addNodeAt(kind: NodeKind, centre: XY): string {
    const { doc } = this.store.getState();
    const size = nodeSize({ kind, label: `New ${kind}` });
    let position = { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
    // Repeated clicks would stack nodes exactly on top of each other: step aside instead.
    const occupied = (p: XY) => [...doc.nodes.values()].some((n) => n.position && Math.abs(n.position.x - p.x) < 8 && Math.abs(n.position.y - p.y) < 8);
    while (occupied(position)) position = { x: position.x + 24, y: position.y + 24 };
    const command = addNode(doc, kind, position);
    this.store.dispatch(command);
    return command.id;
  }

  addNodeAtCentre(kind: NodeKind): string {
    return this.addNodeAt(kind, this.viewCentre());
  }

  /** A link dragged from one node to another: created, offered as a choice, or refused with the reason. */
  connect(source: string, target: string, at: XY): void {
    const decision = decideConnection(this.store.getState().doc, source, target);
    if (decision.action === 'create') this.createEdge(decision.kind, source, target);
    else if (decision.action === 'choose') this.ui.set({ connectMenu: { source, target, kinds: decision.kinds, x: at.x, y: at.y } });
    else this.notify(decision.message, 'error');
  }

  createEdge(kind: EdgeKind, source: string, target: string): void {
    const { doc } = this.store.getState();
    this.store.dispatch(addEdge(doc, kind, source, target));
    this.ui.set({ connectMenu: null });
    const label = (id: string) => doc.nodes.get(id)?.label ?? id;
    this.notify(`Linked: “${label(source)}” ${thirdPerson(EDGE_VERBS[kind])} “${label(target)}”.`, 'success');
  }

  selectAll(): void {
    const { doc } = this.store.getState();
    // Only what is drawn: Delete after Select all must not remove nodes a filter or group hides.
    this.store.setSelection(shownSelection(this, selectionOf(doc.nodes.keys(), doc.edges.keys())));
  }

  deleteSelection(): void {
    const { doc } = this.store.getState();
    // A node selected from the search or the findings while a filter or group hides it stays.
    const selection = shownSelection(this, this.store.getState().selection);
    if (!isSelectionEmpty(selection)) this.store.dispatch(deleteElements(doc, selection));
  }

  duplicate(): void {
    const { doc, selection } = this.store.getState();
    if (selection.nodes.size > 0) this.store.dispatch(duplicateSelection(doc, selection));
  }

  /** Moves the selection to the nearest node in a direction (keyboard navigation between nodes). */
  navigate(direction: 'left' | 'right' | 'up' | 'down'): void {
    const { doc, selection } = this.store.getState();
    const nodes = [...doc.nodes.values()].filter((n) => n.position);
    if (nodes.length === 0) return;
    const centre = (n: (typeof nodes)[number]) => {
      const size = nodeSize(n);
      return { x: n.position!.x + size.width / 2, y: n.position!.y + size.height / 2 };
    };
    const current = nodes.find((n) => selection.nodes.has(n.id));
    if (!current) {
      this.focusElement(nodes[0]!.id);
      return;
    }
    const from = centre(current);
    const [axis, sign] = ({ left: ['x', -1], right: ['x', 1], up: ['y', -1], down: ['y', 1] } as const)[direction];
    const other = axis === 'x' ? 'y' : 'x';
    let best: { id: string; score: number } | undefined;
    for (const node of nodes) {
      if (node.id === current.id) continue;
      const to = centre(node);
      const along = (to[axis] - from[axis]) * sign;
      if (along <= 1) continue;
      const score = along + 2 * Math.abs(to[other] - from[other]);
      if (!best || score < best.score) best = { id: node.id, score };
    }
    if (!best) return;
    const id = best.id;
    this.focusElement(id);
    if (document.activeElement?.closest('.react-flow__node')) requestAnimationFrame(() => this.focusNodeElement(id));
  }

  // --- clipboard ------------------------------------------------------------------------------------

  private copySelection(): Fragment | null {
    const { doc, selection } = this.store.getState();
    if (selection.nodes.size === 0) return null;
    this.clipboard = copyFragment(doc, selection);
    this.pasteCount = 0;
    return this.clipboard;
  }

  copy(): void {
    const fragment = this.copySelection();
    if (fragment) void navigator.clipboard?.writeText(fragmentToText(fragment)).catch(() => undefined);
  }

  cut(): void {
    if (this.copySelection()) {
      if (this.clipboard) void navigator.clipboard?.writeText(fragmentToText(this.clipboard)).catch(() => undefined);
      this.deleteSelection();
    }
  }

  async paste(): Promise<void> {
    let fragment: Fragment | null | undefined = null;
    try {
      const text = await navigator.clipboard?.readText();
      fragment = text ? fragmentFromText(text) : undefined;
    } catch {
      fragment = undefined;
    }
    this.pasteFragment(fragment ?? this.clipboard);
  }

  private pasteFragment(fragment: Fragment | null | undefined) {
    if (!fragment) return;
    this.pasteCount++;
    const offset = { x: PASTE_STEP * this.pasteCount, y: PASTE_STEP * this.pasteCount };
    this.store.dispatch(pasteFragment(this.store.getState().doc, fragment, { offset }));
  }

  private onCopy = (event: ClipboardEvent) => {
    if (isTypingTarget(event.target) || this.ui.getState().dialog) return;
    const fragment = this.copySelection();
    if (!fragment || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', fragmentToText(fragment));
    event.preventDefault();
  };

  private onCut = (event: ClipboardEvent) => {
    if (isTypingTarget(event.target) || this.ui.getState().dialog) return;
    const fragment = this.copySelection();
    if (!fragment || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', fragmentToText(fragment));
    event.preventDefault();
    this.deleteSelection();
  };

  private onPaste = (event: ClipboardEvent) => {
    if (isTypingTarget(event.target) || this.ui.getState().dialog) return;
    const text = event.clipboardData?.getData('text/plain');
    const fragment = text ? fragmentFromText(text) : undefined;
    if (!fragment && !this.clipboard) return;
    event.preventDefault();
    this.pasteFragment(fragment ?? this.clipboard);
  };

  // --- keyboard -------------------------------------------------------------------------------------

  private onKeyDown = (event: KeyboardEvent) => this.handleKey(event, false);
  private onKeyDownCapture = (event: KeyboardEvent) => this.handleKey(event, true);

  private handleKey(event: KeyboardEvent, capture: boolean) {
    if (event.defaultPrevented || event.isComposing) return;
    if (this.ui.getState().dialog) return;
    const typing = isTypingTarget(event.target);
    for (const action of this.actions) {
      if (Boolean(action.capture) !== capture) continue;
      if (action.clipboard || (typing && !action.inFields)) continue;
      if (!action.shortcuts.some((s) => matchesShortcut(s, event))) continue;
      if (action.enabled && !action.enabled(this)) return;
      event.preventDefault();
      if (capture) event.stopPropagation();
      void action.perform(this);
      return;
    }
  }
}
