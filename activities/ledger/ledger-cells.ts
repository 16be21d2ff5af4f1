import { DAY_MS } from '../../domain/clock/time-units';
import { normalizeKey } from '../../domain/cases/case-fingerprint';
import { LocalDateSchema } from '../../domain/plan/schema';

/**
 * Reading single cells of a ledger. Spreadsheets hand us strings, numbers (phone numbers, Excel
 * date serials) and dates; each reader returns a value or a reason a clerk can act on.
 */

export type LedgerCell = string | number | boolean | Date | null | undefined;

export interface NamedRef {
  id: string;
  name: string;
}

/** What import needs from the plan: a subset of the case ledger's context, so either can be passed. */
export interface LedgerImportContext {
  units: NamedRef[];
  categories: NamedRef[];
  /** Year for deadlines written without one, as plans do ("7月15日前"). */
  defaultYear?: number;
}

export type CellRead<T> = { value: T } | { reason: string };

export function cellText(cell: LedgerCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDate(cell);
  return String(cell).trim();
}

/** exceljs hands dates back as UTC midnight of the calendar day the sheet shows. */
function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// Excel's day 25569 is 1970-01-01; serials below 1 or far in the future are not dates.
function fromExcelSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  return isoDate(new Date(Math.round((serial - 25569) * DAY_MS)));
}

const pad = (n: string) => n.padStart(2, '0');
const FULL_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:前|之前)?$/u;
const MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:前|之前)?$/u;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** 办结时限: a date in any common spelling, or an exact instant with its offset. */
export function readDeadline(cell: LedgerCell, defaultYear: number | undefined): CellRead<string> {
  let date: string | undefined;
  if (cell instanceof Date) date = isoDate(cell);
  else if (typeof cell === 'number') date = fromExcelSerial(cell);
  else {
    const text = cellText(cell).normalize('NFKC');
    if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return { value: text };
    const full = FULL_DATE.exec(text);
    const short = MONTH_DAY.exec(text);
    if (full) date = `${full[1]}-${pad(full[2] ?? '')}-${pad(full[3] ?? '')}`;
    else if (short && defaultYear !== undefined) date = `${defaultYear}-${pad(short[1] ?? '')}-${pad(short[2] ?? '')}`;
    else if (short) return { reason: `"${text}" has no year; write it as YYYY-MM-DD` };
    else {
      return { reason: `"${text}" is not a date; write YYYY-MM-DD (e.g. 2008-07-15) or a time with its offset` };
    }
  }
  if (date === undefined || !LocalDateSchema.safeParse(date).success) {
    return { reason: `"${cellText(cell)}" is not a day in the calendar` };
  }
  return { value: date };
}

/** A unit or category written by id or by name; a category may also be named by one part of its name. */
export function readRef(cell: LedgerCell, refs: NamedRef[], what: string, byPart = false): CellRead<string> {
  const text = cellText(cell);
  const key = normalizeKey(text);
  const exact = refs.find((r) => r.id === text || normalizeKey(r.name) === key || normalizeKey(r.id) === key);
  if (exact) return { value: exact.id };
  // "重复访、越级访、集体访" is one category in the plan; a row saying just "越级访" means it.
  const partial = byPart
    ? refs.find((r) => r.name.split(/[、,，/]/u).some((part) => normalizeKey(part) === key))
    : undefined;
  if (partial) return { value: partial.id };
  const known = refs.map((r) => r.name).slice(0, 8);
  const more = refs.length > known.length ? ', …' : '';
  return { reason: `"${text}" is not a ${what} of the plan (known: ${known.join(', ')}${more})` };
}

/** "张三" or "张三 <zhang@example.gov.cn>" / "张三（zhang@example.gov.cn）". */
export function readLeader(cell: LedgerCell): { name: string; email?: string } {
  const text = cellText(cell);
  const match = /^(.*?)\s*[<（(]\s*([^\s<>()（）]+@[^\s<>()（）]+)\s*[>）)]\s*$/u.exec(text);
  if (!match) return { name: text };
  return { name: (match[1] ?? '').trim(), email: match[2] ?? '' };
}
