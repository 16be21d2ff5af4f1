import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  checkAttachment,
  checkSubmission,
  DEFAULT_REPORT_LIMITS,
  mediaTypeFor,
  type Attachment,
} from '../../activities/reports';
import { ReportBodySchema, SubmitFieldsSchema, UnitParamsSchema } from '../../contracts/service-api';
import type { Report } from '../../domain/reports/report-schema';
import { safeFileName } from '../../domain/reports/safe-file-name';
import type { ServiceContext } from '../service-context';
import { csrfPending, requireSession, sameToken } from '../session/session-hooks';
import type { ServiceSession } from '../session/session-store';
import { sendSubmission, submissionTarget } from './actions';
import { ServiceError } from './http-errors';
import { parseOrThrow } from './parse';

interface Upload extends Attachment {
  bytes: Buffer;
}

const ATTACHMENT_STATUS = { media_type_not_allowed: 415, file_too_large: 413, submission_too_large: 413 } as const;

function refuseAttachment(check: ReturnType<typeof checkAttachment>): void {
  if (!check.ok)
    throw new ServiceError(
      ATTACHMENT_STATUS[check.error.code],
      check.error.code,
      `${check.error.message}; nothing was stored`,
    );
}

/**
 * Reads the form: text fields and files. Each file's type is checked from its (made safe) name
 * before a byte of it is read, its size while it is read (the multipart limit stops at the
 * per-file limit), and the whole submission once all are in; only then is anything stored.
 */
export async function readForm(request: FastifyRequest, session: ServiceSession) {
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  let csrfChecked = !csrfPending(request);
  for await (const part of request.parts()) {
    if (!csrfChecked) {
      // A form without the header must open with its _csrf field, before any file is read.
      if (part.type !== 'field' || part.fieldname !== '_csrf' || !sameToken(String(part.value), session.csrfToken)) {
        throw new ServiceError(
          403,
          'csrf',
          "this request lacks the session's CSRF token (header x-csrf-token or first field _csrf)",
        );
      }
      csrfChecked = true;
      continue;
    }
    if (part.type === 'field') {
      if (part.fieldname !== '_csrf') fields[part.fieldname] = String(part.value);
      continue;
    }
    uploads.push(await readFile(part));
  }
  if (!csrfChecked) throw new ServiceError(403, 'csrf', "this request lacks the session's CSRF token");
  refuseAttachment(checkSubmission(uploads.map(({ name, size, mediaType }) => ({ name, size, mediaType }))));
  return { fields, uploads };
}

async function readFile(part: MultipartFile): Promise<Upload> {
  const name = safeFileName(part.filename);
  const mediaType = mediaTypeFor(name) ?? 'application/octet-stream';
  refuseAttachment(checkAttachment({ name, size: 0, mediaType }));
  // Past the per-file limit the multipart parser stops reading and throws a 413.
  const bytes = await part.toBuffer();
  return { name, size: bytes.byteLength, mediaType, bytes };
}

function submissionOf(fields: Record<string, string>) {
  const parsed = parseOrThrow(SubmitFieldsSchema, fields, 'form');
  let base: Omit<Report, 'attachments'> = {};
  if (parsed.report !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(parsed.report);
    } catch {
      throw new ServiceError(400, 'invalid_request', 'form.report: is not JSON', 'form.report');
    }
    base = parseOrThrow(ReportBodySchema, raw, 'form.report');
  }
  const report = parsed.text === undefined ? base : { ...base, text: parsed.text };
  return { deliverableId: parsed.deliverableId, occurrence: parsed.occurrence, report };
}

/** POST …/units/:unitId/submissions: multipart/form-data with deliverableId, text, report and files. */
export function registerSubmitRoute(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(
    '/api/campaigns/:campaignId/units/:unitId/submissions',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId, unitId } = parseOrThrow(UnitParamsSchema, request.params, 'path');
      if (!request.isMultipart()) {
        throw new ServiceError(415, 'unsupported_media_type', 'send the submission as multipart/form-data');
      }
      const session = request.session as ServiceSession;
      const access = await submissionTarget(ctx, session, campaignId, unitId);
      const { fields, uploads } = await readForm(request, session);
      const { deliverableId, occurrence, report } = submissionOf(fields);
      if (
        uploads.length === 0 &&
        report.text === undefined &&
        report.members === undefined &&
        report.fields === undefined
      ) {
        throw new ServiceError(400, 'invalid_request', 'form: say what you submit: a file, text or report', 'form');
      }
      // Stored before the update is sent: an acknowledged submission's files are on disk already.
      const files = [];
      for (const upload of uploads) {
        const ref = await ctx.stores.reports.put(upload.bytes, { name: upload.name, mediaType: upload.mediaType });
        files.push({ name: upload.name, ref, size: upload.size, mediaType: upload.mediaType });
      }
      const receipt = await sendSubmission(access, session, campaignId, unitId, {
        deliverableId,
        ...(occurrence === undefined ? {} : { occurrence }),
        report: { ...report, ...(files.length === 0 ? {} : { attachments: files }) },
      });
      return reply.code(201).send({ ...receipt, files });
    },
  );
}

export const MULTIPART_LIMITS = {
  fileSize: DEFAULT_REPORT_LIMITS.maxFileBytes,
  files: 20,
  fields: 20,
  fieldSize: 256 * 1024,
  parts: 50,
};
