import { appendFile, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Folders this process has already made. A worker writes tens of thousands of mails and delivery
 * records into a handful of folders; asking the file system to make each folder again on every
 * write cost more of the worker's main thread than writing the files (bench/, 1,000 units).
 */
const madeFolders = new Set<string>();
let sequence = 0;

async function ensureFolder(folder: string): Promise<void> {
  if (madeFolders.has(folder)) return;
  await mkdir(folder, { recursive: true });
  madeFolders.add(folder);
}

/** A file or folder that is not there (ENOENT). */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** Runs `write` once `file`'s folder exists; a folder removed meanwhile (an outbox cleared by hand) is made again, once. */
async function inFolder(file: string, write: () => Promise<void>): Promise<void> {
  const folder = path.dirname(file);
  await ensureFolder(folder);
  try {
    await write();
  } catch (error) {
    if (!isNotFound(error)) throw error;
    madeFolders.delete(folder);
    await ensureFolder(folder);
    await write();
  }
}

/**
 * Write to a temporary sibling, then rename: readers see the old file or the whole new one, never
 * half. The temporary name is unique by process id and a counter.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${(sequence += 1)}.tmp`;
  await inFolder(temporary, () => writeFile(temporary, data));
  await rename(temporary, file);
}

/** Appends to `file`, making its folder first if need be. */
export async function appendToFile(file: string, text: string): Promise<void> {
  await inFolder(file, () => appendFile(file, text, 'utf8'));
}
