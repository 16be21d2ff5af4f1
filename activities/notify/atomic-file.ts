import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomicallyFsynced from 'write-file-atomic';

/**
 * Folders this process has already made. A worker writes tens of thousands of mails and delivery
 * records into a handful of folders; asking the file system to make each folder again on every
 * write cost more of the worker's main thread than writing the files (bench/, 1,000 units).
 */
const madeFolders = new Set<string>();

/**
 * Everything this module writes holds personal data (mails with names and addresses, the
 * notification log, uploaded reports), so only the user running the worker may read it: files
 * 0600 in folders 0700, whatever the umask.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

async function ensureFolder(folder: string): Promise<void> {
  if (madeFolders.has(folder)) return;
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER });
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
 * Write to a temporary sibling, flush it to disk (fsync), then rename: readers see the old file or
 * the whole new one, never half, and a machine that loses power right after the rename does not
 * leave an empty file where a delivery record was (write-file-atomic; it also queues writes to the
 * same file within this process, so the last one called is the one that stays).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  await inFolder(file, () => writeFileAtomicallyFsynced(file, bytes, { mode: PRIVATE_FILE }));
}

/** Appends to `file`, making its folder first if need be. */
export async function appendToFile(file: string, text: string): Promise<void> {
  await inFolder(file, () => appendFile(file, text, { encoding: 'utf8', mode: PRIVATE_FILE }));
}
