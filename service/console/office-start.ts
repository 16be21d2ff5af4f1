import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { credentialsDir, writeCredentialFiles } from '../../client/access/credential-files';
import { recordCredentials } from '../../client/access/credential-registry';
import { issueCredentials, type IssuedCredential } from '../../client/access/issue-credentials';
import { startCampaign } from '../../client/start-campaign';
import { campaignWorkflowId, unitTaskQueueOf } from '../../contracts';
import { DAY_MS } from '../../domain/clock/time-units';
import { parsePlanText } from '../../domain/plan/load-plan';
import { formatIssue } from '../../domain/plan/plan-issue';
import { IdSchema } from '../../domain/plan/schema';
import { ServiceError } from '../api/http-errors';
import type { ServiceContext } from '../service-context';

/** A rehearsal's plan day in real seconds: at least a second, at most a real day. */
const DAY_SECONDS = { min: 1, max: 86_400, default: 60 };

export interface RehearsalForm {
  fileName: string;
  text: string;
  fields: Record<string, string>;
}

export interface StartedRehearsal {
  campaignId: string;
  title: string;
  daySeconds: number;
  holders: number;
  office: IssuedCredential;
}

function daySecondsOf(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DAY_SECONDS.default;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < DAY_SECONDS.min || value > DAY_SECONDS.max)
    throw new ServiceError(
      400,
      'invalid_request',
      `form.daySeconds: one plan day lasts ${DAY_SECONDS.min}–${DAY_SECONDS.max} real seconds`,
      'form.daySeconds',
    );
  return value;
}

/**
 * The task queue the office's current campaign runs on: the service keeps no queue of its own, and
 * a rehearsal started from this page runs on the same workers (see /work/notes: a `taskQueue` on
 * the service context would replace this).
 */
async function workersOf(ctx: ServiceContext, campaignId: string): Promise<string> {
  const description = await ctx.reader.workflow.getHandle(campaignWorkflowId(campaignId)).describe();
  return description.taskQueue;
}

/**
 * Starts a rehearsal of an uploaded plan, as `campaign start --rehearsal-day N --id ID` does: the plan
 * checked first (any error refuses, naming it), credentials issued and written to the service's
 * credentials folder only once the campaign exists, so a failed start replaces nothing.
 */
export async function startRehearsal(
  ctx: ServiceContext,
  fromCampaignId: string,
  form: RehearsalForm,
): Promise<StartedRehearsal> {
  const checked = parsePlanText(form.text, form.fileName);
  if (!checked.ok) {
    const first = checked.errors[0];
    throw new ServiceError(
      422,
      'invalid_plan',
      `${form.fileName}: ${checked.errors.length} error(s), first: ${first ? formatIssue(first) : 'invalid'}`,
      'form.plan',
    );
  }
  const plan = checked.plan;
  const rawId = form.fields['campaignId']?.trim() || `${plan.campaign.id}-rehearsal`;
  const id = IdSchema.safeParse(rawId);
  if (!id.success)
    throw new ServiceError(400, 'invalid_request', `form.campaignId: "${rawId}" is not an id`, 'form.campaignId');
  const daySeconds = daySecondsOf(form.fields['daySeconds']);
  const taskQueue = await workersOf(ctx, fromCampaignId);
  const issued = issueCredentials(plan, id.data);
  const dir = credentialsDir(ctx.dataDir, id.data);
  const staging = `${dir}.new-${process.pid}`;
  writeCredentialFiles(staging, issued.credentials);
  try {
    await startCampaign(ctx.reader, plan, {
      taskQueue,
      startedBy: 'office',
      campaignId: id.data,
      rehearsalScale: DAY_MS / 1000 / daySeconds,
      access: issued.access,
      unitTaskQueue: unitTaskQueueOf(taskQueue),
    });
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
  // Their public halves, so the service checks a sign-in on any host, as `campaign start` records them.
  await recordCredentials(ctx.stores.credentials, issued.credentials, ctx.now());
  const office = issued.credentials.find((c) => c.principal === 'office');
  if (office === undefined) throw new ServiceError(500, 'internal', 'no office credential was issued');
  return { campaignId: id.data, title: plan.campaign.title, daySeconds, holders: issued.credentials.length, office };
}

/** Reads the start form: the CSRF token first (checked by `checkCsrf`), then the fields and the plan. */
export async function readRehearsalForm(
  request: FastifyRequest,
  maxBytes: number,
  checkCsrf: (token: string) => boolean,
): Promise<RehearsalForm> {
  let csrf = false;
  const fields: Record<string, string> = {};
  let upload: { fileName: string; text: string } | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 6 } })) {
    if (!csrf) {
      csrf = part.type === 'field' && part.fieldname === '_csrf' && checkCsrf(String(part.value));
      if (!csrf) throw new ServiceError(403, 'csrf', 'this form has expired; reload the page');
      continue;
    }
    if (part.type === 'field') fields[part.fieldname] = String(part.value).slice(0, 200);
    else {
      const bytes = await part.toBuffer();
      if (part.filename !== '') upload = { fileName: part.filename, text: bytes.toString('utf8') };
    }
  }
  if (!csrf) throw new ServiceError(403, 'csrf', 'this form has expired; reload the page');
  if (upload === undefined)
    throw new ServiceError(400, 'invalid_request', 'form.plan: choose a plan file', 'form.plan');
  return { ...upload, fields };
}
