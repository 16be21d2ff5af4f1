import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportLedgerCsv, exportLedgerXlsx } from '../../activities/ledger';
import { gatherLedger, readImport, sendImport } from '../../client/commands/ledger-access';
import { asOfNow, campaignStatusQuery, fileCasesUpdate, ledgerStatsQuery } from '../../contracts';
import { mayExportPersonalData } from '../../domain/access/read-permissions';
import { CaseFilingSchema } from '../../domain/cases/case-schema';
import type { HolderAccess, ServiceContext } from '../service-context';
import type { ServiceSession } from '../session/session-store';
import { guard, refuse } from './guard';
import { parseOrThrow } from './parse';

/** The case ledger through the service: filing, import, statistics and export, as the CLI's case commands. */

export async function fileCaseFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  unitId: string,
  body: Record<string, unknown>,
) {
  const access = await guard(ctx, session, campaignId, { kind: 'unit', unitId }, 'file-case');
  const filing = parseOrThrow(CaseFilingSchema, { ...body, owningUnit: unitId }, 'body');
  const handle = await access.unit(campaignId, unitId);
  return handle
    .executeUpdate(fileCasesUpdate, { args: [{ filings: [filing], by: session.principal }] })
    .catch((error: unknown) => access.explainMissingUnit(error, campaignId, unitId));
}

/** Campaign-wide counts with 办结率, or one unit's by category and priority. */
export async function ledgerStatsFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  unitId?: string,
) {
  if (unitId === undefined) {
    const access = await guard(ctx, session, campaignId, { kind: 'campaign' }, 'ledger-stats');
    return (await (await access.campaign(campaignId)).query(campaignStatusQuery, asOfNow())).ledger;
  }
  const access = await guard(ctx, session, campaignId, { kind: 'unit', unitId }, 'ledger-stats');
  return (await access.unit(campaignId, unitId))
    .query(ledgerStatsQuery, asOfNow())
    .catch((error: unknown) => access.explainMissingUnit(error, campaignId, unitId));
}

export async function ledgerExportFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  options: { format: 'xlsx' | 'csv'; personalData?: boolean },
) {
  const access = await guard(ctx, session, campaignId, { kind: 'campaign' }, 'ledger-export');
  if (options.personalData === true) {
    const verdict = mayExportPersonalData(session.principal);
    if (!verdict.ok) await refuse(ctx, session, campaignId, 'ledger-export-personal-data', verdict.message);
  }
  const ledger = await gatherLedger(access, campaignId);
  const { nowMs } = await (await access.campaign(campaignId)).query(campaignStatusQuery, asOfNow());
  const exportOptions = { includePersonalData: options.personalData === true, asOfMs: nowMs };
  const bytes =
    options.format === 'xlsx'
      ? Buffer.from(await exportLedgerXlsx(ledger, exportOptions))
      : Buffer.from(exportLedgerCsv(ledger, exportOptions), 'utf8');
  const mediaType =
    options.format === 'xlsx'
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv; charset=utf-8';
  return { bytes, mediaType, fileName: `${campaignId}-ledger.${options.format}` };
}

/**
 * A ledger file (CSV or XLSX) uploaded by a unit or the office: checked whole before anything is
 * sent (one bad row and nothing is filed), then sent to each unit in bounded chunks, as
 * `campaign case import` does. The parsers read files, so the upload waits in a private temporary folder.
 */
export async function importLedgerFor(
  access: HolderAccess,
  campaignId: string,
  upload: { name: string; bytes: Buffer },
  notify: boolean,
) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'campaign-import-'));
  try {
    const file = path.join(dir, upload.name.toLowerCase().endsWith('.xlsx') ? 'ledger.xlsx' : 'ledger.csv');
    await writeFile(file, upload.bytes, { mode: 0o600 });
    const byUnit = await readImport(access, campaignId, file).catch((error: unknown) => {
      // The sentence names the file as its sender knows it, not the temporary copy.
      if (error instanceof Error) error.message = error.message.replaceAll(file, upload.name);
      throw error;
    });
    const results = await sendImport(access, campaignId, byUnit, notify);
    return {
      filed: results.reduce((n, r) => n + r.result.filed.length, 0),
      duplicates: results.reduce((n, r) => n + r.result.duplicates.length, 0),
      results,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
