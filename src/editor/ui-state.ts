// View state of the editor's chrome (dialogs, notices, the open file): not part of the model and
// not in history. A minimal subscribable store, read by React through useSyncExternalStore.
import type { EdgeKind } from '../model';
import type { Problem } from '../model';
import type { Severity } from '../lint/types';
import type { LayoutSettings, RouteSnapshot } from './layout-bridge';
import type { RepairPlan } from './repair';
import { EMPTY_READING, type ReadingState } from './reading';
import type { DiskStamp } from './file-io';

export class SimpleStore<T extends object> {
  private state: T;
  private readonly listeners = new Set<() => void>();

  constructor(initial: T) {
    this.state = initial;
  }

  getState = (): T => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set = (partial: Partial<T> | ((state: T) => Partial<T>)): void => {
    const next = typeof partial === 'function' ? partial(this.state) : partial;
    this.state = { ...this.state, ...next };
    for (const listener of [...this.listeners]) listener();
  };
}

export interface Example {
  /** File name without `.toc.json`. */
  name: string;
  title: string;
  text: string;
}

export type Dialog =
  | { type: 'problems'; fileName: string; problems: Problem[]; repair: RepairPlan }
  | { type: 'new' }
  | { type: 'shortcuts' }
  | { type: 'export' }
  /** Save found the file changed on disk since this tab read or wrote it. */
  | { type: 'save-conflict'; fileName: string };

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  message: string;
  /** Stays until dismissed (the restore notice) rather than fading after a few seconds. */
  sticky?: boolean;
}

export interface ConnectMenu {
  source: string;
  target: string;
  kinds: EdgeKind[];
  /** Where the pointer was released, in client coordinates. */
  x: number;
  y: number;
}

export interface FileState {
  /** The file's name, or null for a model never saved. */
  name: string | null;
  /** A File System Access handle when the browser has the API and the user picked a file. */
  handle: FileSystemFileHandle | null;
  /** The canonical text last opened or saved: the model differs from it → unsaved changes. */
  savedText: string | null;
  /** What the file held when last read or written through `handle`, to notice changes made elsewhere. */
  disk: DiskStamp | null;
  dirty: boolean;
  /** 'paused': another tab writes the working copy (see `otherTab`). */
  autosave: 'idle' | 'pending' | 'saved' | 'failed' | 'paused';
}

/**
 * The last Tidy layout run, for the status line (and the e2e tests: `where`). 'applying': the
 * result is in, and the canvas lets go of its links for a frame before the nodes move.
 */
export interface LayoutRun {
  state: 'running' | 'applying' | 'done' | 'cancelled' | 'failed';
  where: 'worker' | 'main-thread';
  /** 0…1. */
  fraction: number;
  message: string;
}

export interface UiState {
  dialog: Dialog | null;
  notices: Notice[];
  connectMenu: ConnectMenu | null;
  file: FileState;
  severities: Record<Severity, boolean>;
  /** Whether the lint module is loaded; undefined while loading. */
  lintReady: boolean | undefined;
  layoutRun: LayoutRun | null;
  /** Edge routes of the last layout; the canvas draws those still valid (layout-bridge.ts). */
  routes: RouteSnapshot | null;
  /** Chosen in the toolbar; null → the model's `view.layout` (or the defaults). */
  layoutSettings: LayoutSettings | null;
  /** Another tab writes the working copy; this one does not autosave until the user takes over. */
  otherTab: boolean;
  /** Highlight, filters and collapsed groups of the canvas (reading.ts); never saved. */
  reading: ReadingState;
}

export function initialUiState(): UiState {
  return {
    dialog: null,
    notices: [],
    connectMenu: null,
    file: { name: null, handle: null, savedText: null, disk: null, dirty: false, autosave: 'idle' },
    severities: { error: true, warning: true, info: true },
    lintReady: undefined,
    layoutRun: null,
    routes: null,
    layoutSettings: null,
    otherTab: false,
    reading: EMPTY_READING,
  };
}
