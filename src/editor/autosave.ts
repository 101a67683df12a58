// The working copy in IndexedDB: written after every change, read back after a reload or a crash.
import { serializeModel, type Model } from '../model';
import type { DiskStamp } from './file-io';

const DB_NAME = 'toc-studio';
const STORE = 'working-copy';
const KEY = 'current';

export interface WorkingCopy {
  /** The model's canonical text. */
  text: string;
  /** What the file held when last opened or saved (null: never saved), to know what is unsaved. */
  savedText: string | null;
  fileName: string | null;
  handle: FileSystemFileHandle | null;
  /** What the file held when last read or written (absent in copies from older versions). */
  disk?: DiskStamp | null;
  /** When it was written, ms since the epoch. */
  time: number;
}

let db: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  db ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
  return db;
}

function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const transaction = database.transaction(STORE, mode);
        const request = action(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
      }),
  );
}

export async function readWorkingCopy(): Promise<WorkingCopy | undefined> {
  const value = await run('readonly', (store) => store.get(KEY) as IDBRequest<WorkingCopy | undefined>);
  return value && typeof value.text === 'string' ? value : undefined;
}

export async function writeWorkingCopy(copy: WorkingCopy): Promise<void> {
  try {
    await run('readwrite', (store) => store.put(copy, KEY));
  } catch (error) {
    // A file handle cannot be stored in every browser: keep the text, which is what matters.
    if (copy.handle && error instanceof DOMException && error.name === 'DataCloneError') {
      await run('readwrite', (store) => store.put({ ...copy, handle: null }, KEY));
    } else {
      throw error;
    }
  }
}

/** The working copy to write, all but its text. */
export type CopyDetails = Omit<WorkingCopy, 'text'>;

export interface SavedCopy {
  text: string;
  /** Why the working copy could not be written. */
  failed?: string;
}

/** Serialises `model` and writes it as the working copy: on the page, or in the rule checker's worker. */
export function saveWorkingCopy(model: Model, details: CopyDetails): Promise<SavedCopy> {
  const text = serializeModel(model);
  return writeWorkingCopy({ ...details, text }).then(
    () => ({ text }),
    (error: unknown) => ({ text, failed: error instanceof Error ? error.message : String(error) }),
  );
}

const LOCK = 'toc-studio-working-copy';

/** One tab at a time writes the working copy: the tab holding this Web Lock (held as long as the page
 * lives). Resolves whether this tab holds it; `steal` takes it from another tab, whose `onLost` runs.
 * Without Web Locks every tab writes, as before. */
export function claimWorkingCopy(steal: boolean, onLost: () => void): Promise<boolean> {
  const locks = navigator.locks as LockManager | undefined;
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    let granted = false;
    locks
      .request(LOCK, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
        granted = lock !== null;
        resolve(granted);
        return lock ? new Promise<void>(() => undefined) : undefined;
      })
      // A held lock's promise rejects only when another tab steals it; a refused request (a
      // sandboxed page) leaves this tab writing, as without Web Locks.
      .catch(() => (granted ? onLost() : resolve(true)));
  });
}
