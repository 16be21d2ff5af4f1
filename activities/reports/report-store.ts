import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isNotFound, writeFileAtomic } from '../notify/atomic-file';

/**
 * Where report files live. Only a reference (`sha256:<hex>`) goes into workflow history: Temporal
 * payloads are capped at 2 MB and every byte in history is replayed. Content addressing makes a
 * resubmitted file free (stored once) and a reference tamper-evident. The interface is small so an
 * object-storage implementation can replace the folder one later.
 */

export interface ReportMeta {
  name: string;
  mediaType: string;
}

export interface ReportStat extends ReportMeta {
  ref: string;
  sha256: string;
  size: number;
}

export interface ReportStore {
  /** Stores the bytes (once per content) and returns their reference. */
  put(bytes: Uint8Array, meta: ReportMeta): Promise<string>;
  /** The stored bytes; throws ReportNotFoundError for an unknown reference. */
  get(ref: string): Promise<Buffer>;
  has(ref: string): Promise<boolean>;
  /** Size and the metadata given when the content was first stored; undefined when unknown. */
  stat(ref: string): Promise<ReportStat | undefined>;
}

export class ReportNotFoundError extends Error {
  override name = 'ReportNotFoundError';
  constructor(readonly ref: string) {
    super(`no report file with reference ${ref}`);
  }
}

export class InvalidReportRefError extends Error {
  override name = 'InvalidReportRefError';
  constructor(readonly ref: string) {
    super(`not a report reference (expected sha256:<64 hex digits>): ${JSON.stringify(ref)}`);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function refFor(bytes: Uint8Array): string {
  return `sha256:${sha256Hex(bytes)}`;
}

/** The hex digest of a reference; rejects anything else so a reference can never name a path outside the store. */
export function parseRef(ref: string): string {
  const match = /^sha256:([0-9a-f]{64})$/.exec(ref);
  if (match?.[1] === undefined) throw new InvalidReportRefError(ref);
  return match[1];
}

const StoredMetaSchema = z.object({ name: z.string(), mediaType: z.string(), size: z.number() });

/** `<dataDir>/reports/ab/cdef…` (content) with `…json` beside it (metadata of the first put). */
export function createFolderReportStore(options: { dataDir: string }): ReportStore {
  const root = path.join(options.dataDir, 'reports');
  const contentFile = (hex: string): string => path.join(root, hex.slice(0, 2), hex.slice(2));
  const metaFile = (hex: string): string => `${contentFile(hex)}.json`;

  async function exists(file: string): Promise<boolean> {
    try {
      await access(file);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  return {
    async put(bytes, meta) {
      const hex = sha256Hex(bytes);
      // Metadata first: if we crash between the two writes, content without metadata would be
      // reported as present by `has` yet have no name; metadata without content is simply rewritten.
      if (!(await exists(metaFile(hex)))) {
        await writeFileAtomic(metaFile(hex), JSON.stringify({ ...meta, size: bytes.byteLength }) + '\n');
      }
      if (!(await exists(contentFile(hex)))) await writeFileAtomic(contentFile(hex), bytes);
      return `sha256:${hex}`;
    },
    async get(ref) {
      const hex = parseRef(ref);
      try {
        return await readFile(contentFile(hex));
      } catch (error) {
        if (isNotFound(error)) throw new ReportNotFoundError(ref);
        throw error;
      }
    },
    async has(ref) {
      return exists(contentFile(parseRef(ref)));
    },
    async stat(ref) {
      const hex = parseRef(ref);
      if (!(await exists(contentFile(hex)))) return undefined;
      const meta = StoredMetaSchema.parse(JSON.parse(await readFile(metaFile(hex), 'utf8')));
      return { ref, sha256: hex, name: meta.name, mediaType: meta.mediaType, size: meta.size };
    },
  };
}
