import { FILE_LIMITS, readTextFile, regularFileSize } from '../../activities/files/bounded-file';
import { randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { readLedgerFile } from '../../activities/ledger';
import type { Case, CaseFilingInput, CaseLedger, CaseLedgerContext } from '../../domain/cases/case-schema';
import { checkImportSize, importBatches, type Page } from '../../domain/cases/ledger-limits';
import {
  asOfNow,
  campaignStatusQuery,
  casesPageQuery,
  fileCasesUpdate,
  ledgerStatsQuery,
  rosterQuery,
  unitSetupQuery,
  type CasesFilter,
  type FileCasesResult,
} from '../../contracts';
import type { WorkflowAccess } from '../context';
import { rejectionOf } from '../update-rejection';
import { CliError, EXIT, usageError } from '../errors';

/**
 * What the case commands share: the plan's ledger context (read from the campaign, since the CLI
 * has no plan at hand), reading cases from unit workflows, and sending an import in chunks.
 */

export async function ledgerContext(ctx: WorkflowAccess, campaignId: string): Promise<CaseLedgerContext> {
  const setup = await (await ctx.campaign(campaignId)).query(unitSetupQuery);
  return setup.base.ledgerContext;
}

/** A unit's cases, page by page: one answer is one payload, and a unit may hold 20,000 cases. */
export async function unitCases(
  ctx: WorkflowAccess,
  campaignId: string,
  unitId: string,
  filter?: CasesFilter,
): Promise<Case[]> {
  const handle = await ctx.unit(campaignId, unitId);
  const cases: Case[] = [];
  let from: number | undefined = 0;
  while (from !== undefined) {
    const page: Page<Case> = await handle
      .query(casesPageQuery, { ...filter, from })
      .catch((error: unknown) => ctx.explainMissingUnit(error, campaignId, unitId));
    cases.push(...page.items);
    from = page.next;
  }
  return cases;
}

/** Every unit's cases (or one unit's) as one ledger, for an export. */
export async function gatherLedger(ctx: WorkflowAccess, campaignId: string, unitId?: string): Promise<CaseLedger> {
  const context = await ledgerContext(ctx, campaignId);
  const units = unitId ? [unitId] : (await (await ctx.campaign(campaignId)).query(rosterQuery)).map((u) => u.id);
  const cases = [];
  // One unit at a time: a county has a few hundred units and the server need not take them all at once.
  for (const id of units) cases.push(...(await unitCases(ctx, campaignId, id)));
  return { context, cases, nextSeq: cases.length + 1 };
}

export async function yamlFile(file: string, option: string): Promise<unknown> {
  const text = await readTextFile(file, FILE_LIMITS.yaml);
  try {
    return parseYaml(text);
  } catch (error) {
    throw usageError(`${option} ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** Reads and checks a whole ledger file before anything is sent: one bad row and nothing is filed. */
export async function readImport(ctx: WorkflowAccess, campaignId: string, file: string) {
  // What is no file is refused before the server is asked anything.
  await regularFileSize(file);
  const context = await ledgerContext(ctx, campaignId);
  const parsed = await readLedgerFile(file, context);
  if (!parsed.ok) {
    const rows = parsed.errors
      .slice(0, 20)
      .map((e) => `row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.reason}`)
      .join('; ');
    const more = parsed.errors.length > 20 ? `; and ${parsed.errors.length - 20} more` : '';
    throw new CliError(
      `${file}: nothing was imported, ${parsed.errors.length} problem(s): ${rows}${more}`,
      EXIT.failed,
      'fix the rows in the file and import it again',
      'invalid_ledger',
    );
  }
  const byUnit = new Map<string, CaseFilingInput[]>();
  for (const { filing } of parsed.filings) {
    const list = byUnit.get(filing.owningUnit) ?? [];
    list.push(filing);
    byUnit.set(filing.owningUnit, list);
  }
  await refuseOversizedImport(ctx, campaignId, byUnit);
  return byUnit;
}

/** An import past what a unit or the campaign may hold is refused before any row is sent. */
async function refuseOversizedImport(ctx: WorkflowAccess, campaignId: string, byUnit: Map<string, CaseFilingInput[]>) {
  const status = await (await ctx.campaign(campaignId)).query(campaignStatusQuery, asOfNow());
  const units = [];
  for (const [unitId, filings] of byUnit) {
    const stats = await (
      await ctx.unit(campaignId, unitId)
    )
      .query(ledgerStatsQuery, asOfNow())
      .catch((error: unknown) => ctx.explainMissingUnit(error, campaignId, unitId));
    units.push({ unitId, held: stats.overall.filed, incoming: filings.length });
  }
  const refusal = checkImportSize({ units, campaignHeld: status.ledger.filed });
  if (refusal !== undefined) {
    throw new CliError(refusal.message, EXIT.failed, '把台帐分开导入，或分给多个单位', refusal.code);
  }
}

/**
 * Each unit's rows go to that unit's workflow as one chunked import (see domain/unit/ledger-filing.ts):
 * the unit stages the chunks and files them together when the last arrives, so a unit never holds
 * half of its rows. The whole file was checked before anything is sent; should a unit still refuse
 * (its workflow gone, filing not open), importing the file again files only the rows still missing,
 * because the ledger recognises rows it already holds.
 */
export async function sendImport(
  ctx: WorkflowAccess,
  campaignId: string,
  byUnit: Map<string, CaseFilingInput[]>,
  notify: boolean,
): Promise<{ unitId: string; result: FileCasesResult }[]> {
  const results: { unitId: string; result: FileCasesResult }[] = [];
  for (const [unitId, filings] of byUnit) {
    const handle = await ctx.unit(campaignId, unitId);
    // Batches bounded by rows and bytes (domain/cases/ledger-limits.ts): each update stays small.
    const batches = importBatches(filings);
    const chunks = batches.length;
    const importId = `import-${randomUUID()}`;
    let result: FileCasesResult = { filed: [], duplicates: [] };
    try {
      for (let chunk = 0; chunk < chunks; chunk++) {
        const rows = batches[chunk] ?? [];
        const request = { filings: rows, by: ctx.actor(unitId), notify, importId, chunk, chunks };
        result = await handle
          .executeUpdate(fileCasesUpdate, { args: [request] })
          .catch((error: unknown) => ctx.explainMissingUnit(error, campaignId, unitId));
      }
    } catch (error) {
      throw partialImport(error, unitId, results);
    }
    results.push({ unitId, result });
  }
  return results;
}

/** A unit refused after others took their rows: say exactly where the import stands. */
function partialImport(error: unknown, unitId: string, done: { unitId: string }[]): unknown {
  if (done.length === 0) return error;
  const reason = rejectionOf(error)?.message ?? (error instanceof Error ? error.message : String(error));
  return new CliError(
    `${unitId} took none of its rows (${reason}); the rows of ${done.map((d) => d.unitId).join(', ')} were imported`,
    EXIT.failed,
    'fix the cause and import the same file again: rows already in a ledger are recognised and skipped',
    'partial_import',
  );
}
