// Files in and out of the browser: the File System Access API where the browser has it (Save writes
// back to the same file), a file input and a download everywhere else.

interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}
interface PickerWindow {
  showOpenFilePicker?: (options: { types: PickerType[]; multiple?: boolean }) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (options: { suggestedName: string; types: PickerType[] }) => Promise<FileSystemFileHandle>;
}

const TYPES: PickerType[] = [{ description: 'Theory of change model', accept: { 'application/json': ['.json'] } }];
export const MODEL_EXTENSION = '.toc.json';

const pickers = () => window as unknown as PickerWindow;

export function canPickFiles(): boolean {
  return typeof pickers().showOpenFilePicker === 'function';
}

const aborted = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** Asks for a file with the browser's picker; null when the user cancels. */
export async function pickFileToOpen(): Promise<{ file: File; handle: FileSystemFileHandle } | null> {
  try {
    const [handle] = await pickers().showOpenFilePicker!({ types: TYPES });
    if (!handle) return null;
    return { file: await handle.getFile(), handle };
  } catch (error) {
    if (aborted(error)) return null;
    throw error;
  }
}

export async function readBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** A file name for a model: the title, made safe, with the model extension. */
export function suggestedFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'theory-of-change'}${MODEL_EXTENSION}`;
}

/** What a file held when this tab last read or wrote it, to notice a change made by someone else. */
export interface DiskStamp {
  lastModified: number;
  text: string;
}

export type SaveResult = { name: string; handle: FileSystemFileHandle | null; disk: DiskStamp | null } | null;

export async function stampOf(handle: FileSystemFileHandle, text: string): Promise<DiskStamp> {
  return { lastModified: (await handle.getFile()).lastModified, text };
}

/** Whether the file now holds something other than what this tab last read or wrote. The time is
 * the cheap test; the content decides, so a file touched but not changed is not a conflict. */
export async function changedOnDisk(handle: FileSystemFileHandle, stamp: DiskStamp): Promise<boolean> {
  await askToWrite(handle); // reading needs permission too; Save then asks only this once
  const file = await handle.getFile();
  if (file.lastModified === stamp.lastModified && file.size === new TextEncoder().encode(stamp.text).length) return false;
  return (await file.text()) !== stamp.text;
}

/** A handle restored after a reload has no permission yet: ask (once) to read and write the file. */
async function askToWrite(handle: FileSystemFileHandle): Promise<void> {
  const permission = handle as FileSystemFileHandle & {
    queryPermission?: (o: { mode: string }) => Promise<string>;
    requestPermission?: (o: { mode: string }) => Promise<string>;
  };
  if (permission.queryPermission && (await permission.queryPermission({ mode: 'readwrite' })) !== 'granted') {
    if ((await permission.requestPermission?.({ mode: 'readwrite' })) !== 'granted') throw new Error('permission to write the file was not given');
  }
}

/** Writes to an existing handle (Save). */
export async function writeToHandle(handle: FileSystemFileHandle, text: string): Promise<void> {
  await askToWrite(handle);
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
}

/** Save As: the browser's save picker when there is one, a download otherwise. Null when cancelled. */
export async function saveAs(text: string, suggestedName: string): Promise<SaveResult> {
  const picker = pickers().showSaveFilePicker;
  if (typeof picker === 'function') {
    try {
      const handle = await picker({ suggestedName, types: TYPES });
      await writeToHandle(handle, text);
      return { name: handle.name, handle, disk: await stampOf(handle, text) };
    } catch (error) {
      if (aborted(error)) return null;
      throw error;
    }
  }
  download(text, suggestedName);
  return { name: suggestedName, handle: null, disk: null };
}

/** Offers text or bytes as a file download (Save As without a picker, and every export). */
export function download(data: string | Blob, name: string, type = 'application/json'): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
