import { encodedBytes, PLAN_LIMITS } from '../plan/plan-limits';

/**
 * How big a ledger may be and how it travels. Every message to or from a unit's workflow is one
 * Temporal payload (2 MB at most, the server refuses more and a refused answer is no answer), so an
 * import goes in batches bounded by rows and by bytes, and a listing comes back in pages bounded the
 * same way. What a unit may hold is bounded too, and an import past it is refused before anything is
 * sent, with a sentence that names the number.
 */
export const LEDGER_LIMITS = {
  /** Cases one unit's ledger may hold: a township's whole 台帐 in the largest campaigns seen. */
  casesPerUnit: 20_000,
  /** Cases over every unit of a campaign. */
  casesPerCampaign: 100_000,
  /** Rows in one import update; the unit checks each batch against its ledger in one workflow task. */
  batchRows: 200,
  /** The rows of one batch as UTF-8 JSON: an eighth of the payload limit, so one update stays small in history. */
  batchBytes: PLAN_LIMITS.serverPayloadBytes / 8,
  /** Cases in one page of a listing. */
  pageCases: 500,
  /** One page as UTF-8 JSON: a quarter of the payload limit, whatever the cases hold. */
  pageBytes: PLAN_LIMITS.serverPayloadBytes / 4,
} as const;

/**
 * Splits rows into batches of at most `maxRows` rows and `maxBytes` bytes of JSON, in order. A row
 * alone over `maxBytes` still goes, alone: refusing it is the unit's rule (every field is bounded).
 */
export function importBatches<T>(
  rows: readonly T[],
  maxRows: number = LEDGER_LIMITS.batchRows,
  maxBytes: number = LEDGER_LIMITS.batchBytes,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = encodedBytes(row) + 1;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface ImportSize {
  /** Cases each unit holds now, and the rows the file brings it. */
  units: { unitId: string; held: number; incoming: number }[];
  /** Cases the whole campaign holds now. */
  campaignHeld: number;
}

export interface ImportRefusal {
  code: 'unit_ledger_full' | 'campaign_ledger_full';
  message: string;
}

/**
 * Whether a file fits before any of it is sent. Counting every row as new is the safe side: rows
 * already in a ledger are skipped by the unit, so a file refused here for that reason alone is one
 * whose new rows can be imported on their own.
 */
export function checkImportSize(size: ImportSize, limits = LEDGER_LIMITS): ImportRefusal | undefined {
  for (const unit of size.units) {
    if (unit.held + unit.incoming > limits.casesPerUnit) {
      const room = Math.max(0, limits.casesPerUnit - unit.held);
      return {
        code: 'unit_ledger_full',
        message:
          `单位台帐最多 ${limits.casesPerUnit} 件：${unit.unitId} 已有 ${unit.held} 件，本次导入 ${unit.incoming} 件，` +
          `最多还能导入 ${room} 件 (a unit's ledger holds at most ${limits.casesPerUnit} cases; nothing was imported)`,
      };
    }
  }
  const incoming = size.units.reduce((n, u) => n + u.incoming, 0);
  if (size.campaignHeld + incoming > limits.casesPerCampaign) {
    const room = Math.max(0, limits.casesPerCampaign - size.campaignHeld);
    return {
      code: 'campaign_ledger_full',
      message:
        `一次专项行动的台帐最多 ${limits.casesPerCampaign} 件：已有 ${size.campaignHeld} 件，本次导入 ${incoming} 件，` +
        `最多还能导入 ${room} 件 (a campaign's ledger holds at most ${limits.casesPerCampaign} cases; nothing was imported)`,
    };
  }
  return undefined;
}

export interface Page<T> {
  items: T[];
  /** How many items the listing has in all. */
  total: number;
  /** Where the next page starts (pass it as `from`); absent on the last page. */
  next?: number;
}

/**
 * One page of a listing, from index `from`: at most `maxItems` items and `maxBytes` of JSON. The
 * first item always goes, so a listing always moves on; every case is far below the page bound.
 */
export function pageOf<T>(
  items: readonly T[],
  from = 0,
  maxItems: number = LEDGER_LIMITS.pageCases,
  maxBytes: number = LEDGER_LIMITS.pageBytes,
): Page<T> {
  const start = Math.max(0, Math.min(Math.trunc(from), items.length));
  const page: T[] = [];
  let bytes = 2;
  for (let i = start; i < items.length && page.length < maxItems; i += 1) {
    const size = encodedBytes(items[i]) + 1;
    if (page.length > 0 && bytes + size > maxBytes) break;
    page.push(items[i] as T);
    bytes += size;
  }
  const end = start + page.length;
  return end < items.length ? { items: page, total: items.length, next: end } : { items: page, total: items.length };
}

export type WholeListing<T> = { ok: true; items: T[] } | { ok: false; code: 'listing_too_big'; message: string };

/**
 * A listing in one answer, only when it fits one page: past that the answer would near the payload
 * limit (a unit of 5,000 cases answered "Blob data size exceeds limit"), so the caller is told to page.
 */
export function wholeListing<T>(items: readonly T[]): WholeListing<T> {
  const first = pageOf(items);
  if (first.next === undefined) return { ok: true, items: first.items };
  return {
    ok: false,
    code: 'listing_too_big',
    message:
      `${items.length} 件案件超出一次应答的上限，请分页查询 (casesPage) ` +
      `(${items.length} cases do not fit one answer: ask casesPage, from 0, for pages of at most ${LEDGER_LIMITS.pageCases})`,
  };
}

/** What one run's history may hold before imports are refused: well inside the server's 50 MB. */
export const HISTORY_BUDGET_BYTES = 40 * 1024 * 1024;

/**
 * Whether one more import update fits the run's history. A unit too big to continue as new stays
 * on its history (workflows/unit-carry.ts), and the server ends a run whose history passes 50 MB;
 * refusing the update first keeps the unit alive, and its ledger as it was.
 */
export function checkHistoryRoom(historyBytes: number, incomingBytes: number): ImportRefusal | undefined {
  if (historyBytes + incomingBytes <= HISTORY_BUDGET_BYTES) return undefined;
  return {
    code: 'unit_ledger_full',
    message:
      `本单位工作流的历史已近上限（${Math.round(historyBytes / 1024 / 1024)} MB / 50 MB），本次未登记任何案件 ` +
      `(this unit's workflow history is nearly full; nothing was filed, and the unit goes on as it was)`,
  };
}
