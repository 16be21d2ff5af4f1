import type { FastifyRequest } from 'fastify';
import { checkAttachment, checkSubmission, mediaTypeFor, type Attachment } from '../../activities/reports';
import { SubmitFieldsSchema } from '../../contracts/service-api';
import { safeFileName } from '../../domain/reports/safe-file-name';
import { sendSubmission, submissionTarget } from '../api/actions';
import { ServiceError } from '../api/http-errors';
import { parseOrThrow } from '../api/parse';
import type { ServiceContext } from '../service-context';
import { sameToken } from '../session/session-hooks';
import type { ServiceSession } from '../session/session-store';
import { given } from './form-body';

const ATTACHMENT_STATUS = { media_type_not_allowed: 415, file_too_large: 413, submission_too_large: 413 } as const;

function refuse(check: ReturnType<typeof checkAttachment>): void {
  if (!check.ok)
    throw new ServiceError(
      ATTACHMENT_STATUS[check.error.code],
      check.error.code,
      `${check.error.message}; nothing was stored`,
    );
}

/**
 * The unit page's submit form, read as the API's submission route reads one: the CSRF token first,
 * each file's type checked from its (made safe) name before a byte is read, its size while read,
 * the whole submission once all are in, and only then is anything stored.
 */
async function readForm(request: FastifyRequest, session: ServiceSession) {
  const fields: Record<string, string> = {};
  const uploads: (Attachment & { bytes: Buffer })[] = [];
  let csrf = false;
  for await (const part of request.parts()) {
    if (!csrf) {
      if (part.type !== 'field' || part.fieldname !== '_csrf' || !sameToken(String(part.value), session.csrfToken))
        throw new ServiceError(
          403,
          'csrf',
          'this form has expired (its CSRF token is not the session’s); reload the page',
        );
      csrf = true;
      continue;
    }
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    // An empty file input still sends one part, with no name and no bytes.
    if (part.filename === '') {
      await part.toBuffer();
      continue;
    }
    const name = safeFileName(part.filename);
    const mediaType = mediaTypeFor(name) ?? 'application/octet-stream';
    refuse(checkAttachment({ name, size: 0, mediaType }));
    const bytes = await part.toBuffer();
    uploads.push({ name, size: bytes.byteLength, mediaType, bytes });
  }
  if (!csrf) throw new ServiceError(403, 'csrf', 'this form has no CSRF token; reload the page');
  refuse(checkSubmission(uploads.map(({ name, size, mediaType }) => ({ name, size, mediaType }))));
  return { fields, uploads };
}

/** `weekly@2026-05-06` names the deliverable and the occurrence; a one-off deliverable's key is its id. */
function target(key: string | undefined): { deliverableId?: string; occurrence?: string } {
  if (key === undefined) return {};
  const at = key.indexOf('@');
  return at < 0 ? { deliverableId: key } : { deliverableId: key.slice(0, at), occurrence: key.slice(at + 1) };
}

export async function submitFromPage(
  ctx: ServiceContext,
  session: ServiceSession,
  request: FastifyRequest,
  campaignId: string,
  unitId: string,
) {
  if (!request.isMultipart()) throw new ServiceError(415, 'unsupported_media_type', 'send the form as it is');
  const access = await submissionTarget(ctx, session, campaignId, unitId);
  const { fields, uploads } = await readForm(request, session);
  const note = given(fields['note']);
  const parsed = parseOrThrow(
    SubmitFieldsSchema,
    { ...target(fields['key']), ...(note ? { text: note } : {}) },
    'form',
  );
  if (uploads.length === 0 && parsed.text === undefined)
    throw new ServiceError(400, 'invalid_request', 'form.files: choose a file, or write a note', 'form.files');
  const attachments = [];
  // Stored before the update is sent: an acknowledged submission's files are on disk already.
  for (const upload of uploads) {
    const ref = await ctx.stores.reports.put(upload.bytes, { name: upload.name, mediaType: upload.mediaType });
    attachments.push({ name: upload.name, ref, size: upload.size, mediaType: upload.mediaType });
  }
  return sendSubmission(access, session, campaignId, unitId, {
    deliverableId: parsed.deliverableId,
    ...(parsed.occurrence === undefined ? {} : { occurrence: parsed.occurrence }),
    report: {
      ...(parsed.text === undefined ? {} : { text: parsed.text }),
      ...(attachments.length ? { attachments } : {}),
    },
  });
}
