import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';

/**
 * The one way the project reads a file someone names (a plan, a ledger, a report, a unit file, an
 * attachment): it must be a regular file, and it is read only up to a size bound. A FIFO would
 * block for ever, /dev/zero never ends, a directory is no file; a file that grows while read is
 * cut off at the bound instead of being read into memory without limit.
 */

const MB = 1024 * 1024;

/** Bounds by kind of file, generous for what offices really keep. */
export const FILE_LIMITS = {
  plan: 2 * MB,
  yaml: 1 * MB,
  ledgerCsv: 64 * MB,
  ledgerXlsx: 32 * MB,
  attachment: 20 * MB,
  /** A credential file holds one token: a few hundred bytes. */
  credential: 64 * 1024,
} as const;

export type FileRefusalCode = 'file_not_found' | 'file_unreadable' | 'not_a_file' | 'file_too_large' | 'not_utf8';

/** A file that cannot be taken, with one sentence saying why; the CLI shows it as a usage error. */
export class FileRefusal extends Error {
  override name = 'FileRefusal';
  constructor(
    readonly code: FileRefusalCode,
    readonly file: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function formatSize(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function openFailure(error: unknown, file: string): FileRefusal {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT') return new FileRefusal('file_not_found', file, `${file}: there is no such file`);
  if (code === 'EACCES' || code === 'EPERM')
    return new FileRefusal('file_unreadable', file, `${file}: permission denied; this user may not read it`);
  const why = error instanceof Error ? error.message : String(error);
  return new FileRefusal('file_unreadable', file, `${file}: cannot be read (${why})`);
}

/**
 * Reads a regular file of at most `maxBytes`. Opened non-blocking so that opening a FIFO returns at
 * once (and is then refused by its type); the size is checked on the open handle, and again while
 * reading, so neither a symlink swapped in nor a file still growing gets past the bound.
 */
export async function readBoundedFile(file: string, maxBytes: number): Promise<Buffer> {
  const { handle, stats } = await openRegularFile(file);
  try {
    const tooLarge = () => tooLargeRefusal(file, maxBytes);
    if (stats.size > maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(MB, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function tooLargeRefusal(file: string, maxBytes: number): FileRefusal {
  return new FileRefusal(
    'file_too_large',
    file,
    `${file} is larger than ${formatSize(maxBytes)}, the most this command reads`,
  );
}

/**
 * readBoundedFile for callers that must stay synchronous (the credential wallet is asked from inside
 * the client's interceptor): the same checks, on a descriptor opened non-blocking.
 */
export function readBoundedFileSync(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openFailure(error, file);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new FileRefusal('not_a_file', file, `${file} is ${kindOf(stats)}, not a file; give the path of a file`);
    }
    if (stats.size > maxBytes) throw tooLargeRefusal(file, maxBytes);
    const buffer = Buffer.alloc(maxBytes + 1);
    let total = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLargeRefusal(file, maxBytes);
    }
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

/** The size of a regular file, refusing what is no file (for checks before anything is read). */
export async function regularFileSize(file: string): Promise<number> {
  const { handle, stats } = await openRegularFile(file);
  await handle.close();
  return stats.size;
}

/** Opens `file` non-blocking and refuses, closing it again, anything that is not a regular file. */
async function openRegularFile(file: string) {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    throw openFailure(error, file);
  });
  const stats = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  if (!stats.isFile()) {
    await handle.close();
    throw new FileRefusal('not_a_file', file, `${file} is ${kindOf(stats)}, not a file; give the path of a file`);
  }
  return { handle, stats };
}

/**
 * Text files (plans, reports, unit files) are UTF-8 or refused: a GBK file read as UTF-8 shows every
 * name as "���", so it is refused, naming the line of the first byte that is not UTF-8. A line feed
 * byte never occurs inside a UTF-8 sequence, so decoding line by line finds that line exactly.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i += 1) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line += 1;
      start = i + 1;
    }
    throw new FileRefusal(
      'not_utf8',
      file,
      `${file} is not UTF-8 text (line ${line} holds a byte that is not UTF-8)`,
      `save it as UTF-8; a file from Chinese Windows is usually GBK: iconv -f GBK -t UTF-8 ${file} > ${utf8Name(file)}`,
    );
  }
}

function utf8Name(file: string): string {
  const { dir, name, ext } = path.parse(file);
  return path.join(dir, `${name}-utf8${ext}`);
}

/** A regular file of at most `maxBytes`, as UTF-8 text. */
export async function readTextFile(file: string, maxBytes: number): Promise<string> {
  return decodeUtf8(await readBoundedFile(file, maxBytes), file);
}
