// Reading models from disk and writing them back without ever leaving a half-written file.
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { glob, isDynamicPattern } from 'tinyglobby';
import { decodeModelBytes, parseModel, tooLarge, LIMITS, type ParseResult } from '../model';
import { UsageError } from './command';

export const MODEL_EXTENSION = '.toc.json';

/** Files named by FILE, GLOB or DIR arguments, in the order given (globs and directories sorted). */
export async function expandPaths(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = (await glob(arg, { onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length === 0) throw new UsageError(`no files match ${arg}`);
      files.push(...matches);
      continue;
    }
    const stat = await fs.stat(arg).catch(() => undefined);
    if (stat?.isDirectory()) {
      const matches = (await glob(`**/*${MODEL_EXTENSION}`, { cwd: arg, onlyFiles: true, ignore: ['**/node_modules/**'] }))
        .sort()
        .map((file) => path.join(arg, file));
      if (matches.length === 0) throw new UsageError(`no ${MODEL_EXTENSION} files in the directory ${arg}`);
      files.push(...matches);
    } else {
      files.push(arg);
    }
  }
  return [...new Set(files)];
}

export type LoadResult = (ParseResult & { text: string }) | { ok: false; unreadable: string };

/** Reads and parses one model file; a file that cannot be read is reported, not thrown. */
export async function loadModelFile(file: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { ok: false, unreadable: 'is a directory' };
    if (stat.size > LIMITS.maxFileBytes) return { ...tooLarge(stat.size), text: '' };
    bytes = await fs.readFile(file);
  } catch (error) {
    return { ok: false, unreadable: describeFsError(error) };
  }
  const decoded = decodeModelBytes(bytes);
  if (!decoded.ok) return { ...decoded, text: '' };
  return { ...parseModel(decoded.text), text: decoded.text };
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (error as Error).message;
  }
}

/** Writes through a temporary file in the same directory and a rename, so a crash mid-write leaves
 * either the old file or the new one, never a truncated mix. */
export async function writeFileAtomic(file: string, text: string, options: { overwrite: boolean }): Promise<void> {
  const dir = path.dirname(file);
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const existingMode = await fs.stat(file).then((s) => s.mode & 0o777, () => undefined);
  if (!options.overwrite && existingMode !== undefined) throw new UsageError(`${file} already exists; use --force to overwrite it`);
  const handle = await fs.open(temporary, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, existingMode ?? 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    if (!options.overwrite) {
      // link() fails if the target appeared meanwhile, so a concurrent writer is never clobbered.
      await fs.link(temporary, file);
      await fs.rm(temporary);
    } else {
      await fs.rename(temporary, file);
    }
  } catch (error) {
    await fs.rm(temporary, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} already exists; use --force to overwrite it`);
    throw error;
  }
}
