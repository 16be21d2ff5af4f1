import path from 'node:path';
import { readBoundedFile, regularFileSize } from '../files/bounded-file';
import type { ReportStore } from './report-store';
import { sha256Hex } from './report-store';

/**
 * What a unit may attach to a report. Checked by the CLI before anything is uploaded, so a unit
 * learns at once that its 80 MB scan is too big, instead of after a slow upload.
 */

const MB = 1024 * 1024;

export interface ReportLimits {
  maxFileBytes: number;
  maxSubmissionBytes: number;
}

export const DEFAULT_REPORT_LIMITS: ReportLimits = { maxFileBytes: 20 * MB, maxSubmissionBytes: 50 * MB };

/** Extension → media type of every kind of file a report may carry. */
export const ALLOWED_MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.md': 'text/markdown',
};

const allowedTypes = new Set(Object.values(ALLOWED_MEDIA_TYPES));

export function mediaTypeFor(name: string): string | undefined {
  return ALLOWED_MEDIA_TYPES[path.extname(name).toLowerCase()];
}

export interface Attachment {
  name: string;
  size: number;
  mediaType: string;
}

export type AttachmentErrorCode = 'file_too_large' | 'submission_too_large' | 'media_type_not_allowed';

export type AttachmentCheck =
  { ok: true } | { ok: false; error: { code: AttachmentErrorCode; name: string; message: string } };

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Pure: one file against the per-file limit and the allowed types. */
export function checkAttachment(file: Attachment, limits: ReportLimits = DEFAULT_REPORT_LIMITS): AttachmentCheck {
  if (!allowedTypes.has(file.mediaType)) {
    const allowed = Object.keys(ALLOWED_MEDIA_TYPES).join(', ');
    return fail(
      'media_type_not_allowed',
      file.name,
      `${file.name} is not an accepted type (${file.mediaType}); accepted are ${allowed}`,
    );
  }
  if (file.size > limits.maxFileBytes) {
    return fail(
      'file_too_large',
      file.name,
      `${file.name} is ${formatBytes(file.size)}; the limit per file is ${formatBytes(limits.maxFileBytes)}`,
    );
  }
  return { ok: true };
}

/** Pure: every file, then their total against the per-submission limit. */
export function checkSubmission(
  files: readonly Attachment[],
  limits: ReportLimits = DEFAULT_REPORT_LIMITS,
): AttachmentCheck {
  for (const file of files) {
    const check = checkAttachment(file, limits);
    if (!check.ok) return check;
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > limits.maxSubmissionBytes) {
    const names = files.map((file) => file.name).join(', ');
    return fail(
      'submission_too_large',
      names,
      `${names} together are ${formatBytes(total)}; the limit per submission is ${formatBytes(limits.maxSubmissionBytes)}`,
    );
  }
  return { ok: true };
}

function fail(code: AttachmentErrorCode, name: string, message: string): AttachmentCheck {
  return { ok: false, error: { code, name, message } };
}

export class ReportLimitError extends Error {
  override name = 'ReportLimitError';
  constructor(readonly error: { code: AttachmentErrorCode; name: string; message: string }) {
    super(error.message);
  }
}

/** What goes into workflow history for an attached file: a reference, never the bytes. */
export interface ReportFileRef {
  name: string;
  ref: string;
  size: number;
  mediaType: string;
  sha256: string;
}

/**
 * Checks every file (type, size, total) before storing any, then stores them. Throws
 * ReportLimitError naming the file and the limit; nothing is stored when any check fails.
 */
export async function storeReportFiles(
  paths: readonly string[],
  options: { store: ReportStore; limits?: ReportLimits },
): Promise<ReportFileRef[]> {
  const files = await Promise.all(
    paths.map(async (file) => {
      const name = path.basename(file);
      return {
        file,
        name,
        size: await regularFileSize(file),
        mediaType: mediaTypeFor(name) ?? 'application/octet-stream',
      };
    }),
  );
  const check = checkSubmission(
    files.map(({ name, size, mediaType }) => ({ name, size, mediaType })),
    options.limits,
  );
  if (!check.ok) throw new ReportLimitError(check.error);
  const limits = options.limits ?? DEFAULT_REPORT_LIMITS;
  const refs: ReportFileRef[] = [];
  for (const file of files) {
    // Read no more than the limit allowed, even if the file grew since it was checked.
    const bytes = await readBoundedFile(file.file, limits.maxFileBytes);
    const ref = await options.store.put(bytes, { name: file.name, mediaType: file.mediaType });
    refs.push({ name: file.name, ref, size: bytes.byteLength, mediaType: file.mediaType, sha256: sha256Hex(bytes) });
  }
  return refs;
}
