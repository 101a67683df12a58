// The working copy in IndexedDB: written after every change, read back after a reload or a crash.
import { serializeModel, type Model } from '../model';
import type { DiskStamp } from './file-io';

const DB_NAME = 'toc-studio';
const STORE = 'working-copy';
const KEY = 'current';
/** Which tab holds the working copy: written when a tab takes the lock, checked by every write. */
const OWNER_KEY = 'owner';

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
  /** The tab that wrote it (`THIS_TAB` of that page); absent without Web Locks. */
  owner?: string;
}

/** This page's name for the working copy's owner record (not secret: any unique string will do). */
export const THIS_TAB = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

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

/**
 * Writes the working copy unless another tab has taken it since this write was asked for: the owner
 * check and the write are one transaction, so a late write (the checker's worker is still busy when
 * the lock moves) can never land over the new owner's. Resolves whether it was written.
 */
async function writeWorkingCopy(copy: WorkingCopy): Promise<boolean> {
  const database = await open();
  return new Promise((resolve, reject) => {
    const transaction = database.transaction(STORE, 'readwrite');
    const store = transaction.objectStore(STORE);
    let written = false;
    const owner = store.get(OWNER_KEY);
    owner.onsuccess = () => {
      if (copy.owner !== undefined && owner.result !== undefined && owner.result !== copy.owner) return;
      try {
        store.put(copy, KEY);
      } catch (error) {
        // A file handle cannot be stored in every browser: keep the text, which is what matters.
        if (!(copy.handle && error instanceof DOMException && error.name === 'DataCloneError')) throw error;
        store.put({ ...copy, handle: null }, KEY);
      }
      written = true;
    };
    transaction.oncomplete = () => resolve(written);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

/** The working copy to write, all but its text. */
export type CopyDetails = Omit<WorkingCopy, 'text'>;

export interface SavedCopy {
  text: string;
  /** Why the working copy could not be written. */
  failed?: string;
  /** Not written: another tab holds the working copy now. */
  taken?: boolean;
}

/** Writes `text` as the working copy; problems are answered, not thrown. */
export function saveWorkingCopyText(text: string, details: CopyDetails): Promise<SavedCopy> {
  return writeWorkingCopy({ ...details, text }).then(
    (written) => (written ? { text } : { text, taken: true }),
    (error: unknown) => ({ text, failed: error instanceof Error ? error.message : String(error) }),
  );
}

/** Serialises `model` and writes it as the working copy: in the rule checker's worker, or on the page. */
export function saveWorkingCopy(model: Model, details: CopyDetails): Promise<SavedCopy> {
  return saveWorkingCopyText(serializeModel(model), details);
}

const LOCK = 'toc-studio-working-copy';
/** Claims made by this tab; an old claim's lost lock must not stop a newer one. */
let claims = 0;

/** One tab at a time writes the working copy: the tab holding this Web Lock (held as long as the page
 * lives), recorded as the copy's owner before this resolves, so the previous owner's late writes are
 * refused. Resolves whether this tab holds it; `steal` takes it from another tab, whose `onLost`
 * runs. Without Web Locks every tab writes, as before. */
export function claimWorkingCopy(steal: boolean, onLost: () => void): Promise<boolean> {
  const locks = navigator.locks as LockManager | undefined;
  if (!locks) return Promise.resolve(true);
  const claim = ++claims;
  return new Promise((resolve) => {
    let granted = false;
    locks
      .request(LOCK, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
        granted = lock !== null;
        if (!granted) resolve(false);
        // Without IndexedDB there is no working copy to guard: the lock alone decides.
        else void run('readwrite', (store) => store.put(THIS_TAB, OWNER_KEY)).finally(() => resolve(true));
        return lock ? new Promise<void>(() => undefined) : undefined;
      })
      // A held lock's promise rejects only when another tab steals it; a refused request (a
      // sandboxed page) leaves this tab writing, as without Web Locks.
      // Taking it back from itself (this tab had been told it lost the copy) ends only the older claim.
      .catch(() => (granted ? claim === claims && onLost() : resolve(true)));
  });
}
