import { caseFingerprint, normalizeKey } from '../../domain/cases/case-fingerprint';
import { CaseFilingSchema, type CaseFilingInput } from '../../domain/cases/case-schema';
import { cellText, readDeadline, readLeader, readRef, type LedgerCell, type LedgerImportContext } from './ledger-cells';
import { LEDGER_COLUMNS, columnForHeader, parsePriority, parseSource, type LedgerField } from './ledger-columns';

/**
 * Turns spreadsheet rows into case filings, all or nothing: one bad row and nothing is imported,
 * but every bad row is listed with the row number the spreadsheet shows and the column's header,
 * so the office fixes the file once instead of once per error.
 */

export interface SheetRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  cells: LedgerCell[];
}

export interface RowError {
  row: number;
  column: string;
  reason: string;
}

export type LedgerParseResult =
  | { ok: true; headerRow: number; filings: { row: number; filing: CaseFilingInput }[] }
  | { ok: false; errors: RowError[] };

type Header = { row: number; columns: Map<LedgerField, { index: number; header: string }> };

// Ledgers often open with a title row ("××县信访问题排查台帐") above the header.
const HEADER_SEARCH_ROWS = 10;
const MIN_HEADER_MATCHES = 3;

function findHeader(rows: SheetRow[]): { header: Header; errors: RowError[] } | undefined {
  for (const candidate of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns: Header['columns'] = new Map();
    const errors: RowError[] = [];
    candidate.cells.forEach((cell, index) => {
      const header = cellText(cell);
      const column = columnForHeader(header);
      if (!column) return;
      const earlier = columns.get(column.field);
      if (earlier) errors.push({ row: candidate.row, column: header, reason: `same column as "${earlier.header}"` });
      else columns.set(column.field, { index, header });
    });
    if (columns.size < MIN_HEADER_MATCHES) continue;
    for (const c of LEDGER_COLUMNS) {
      if (c.required && !columns.has(c.field))
        errors.push({ row: candidate.row, column: c.zh, reason: 'column missing' });
    }
    return { header: { row: candidate.row, columns }, errors };
  }
  return undefined;
}

const isBlank = (r: SheetRow) => r.cells.every((c) => cellText(c) === '');

// zod paths of a filing → the field whose column the clerk must fix.
const FIELD_OF_PATH: Record<string, LedgerField> = { petitioner: 'petitioner', owningLeader: 'owningLeader' };

function fieldOfIssue(path: PropertyKey[]): LedgerField {
  const [head, sub] = path.map(String);
  if (head === 'petitioner' && sub === 'contact') return 'contact';
  return (FIELD_OF_PATH[head ?? ''] ?? head ?? 'title') as LedgerField;
}

function parseRow(r: SheetRow, header: Header, context: LedgerImportContext) {
  const errors: RowError[] = [];
  const columnName = (field: LedgerField) =>
    header.columns.get(field)?.header ?? LEDGER_COLUMNS.find((c) => c.field === field)?.zh ?? field;
  const cell = (field: LedgerField): LedgerCell => {
    const at = header.columns.get(field);
    return at === undefined ? undefined : r.cells[at.index];
  };
  const text = (field: LedgerField) => cellText(cell(field)) || undefined;
  const fail = (field: LedgerField, reason: string) => errors.push({ row: r.row, column: columnName(field), reason });
  const read = <T>(field: LedgerField, result: { value: T } | { reason: string }): T | undefined => {
    if ('value' in result) return result.value;
    fail(field, result.reason);
    return undefined;
  };
  for (const c of LEDGER_COLUMNS) if (c.required && text(c.field) === undefined) fail(c.field, 'is empty');
  const has = (field: LedgerField) => text(field) !== undefined;
  const owningUnit = has('owningUnit') ? read('owningUnit', readRef(cell('owningUnit'), context.units, 'unit')) : '';
  const category = has('category')
    ? read('category', readRef(cell('category'), context.categories, 'category', true))
    : '';
  const deadline = has('deadline') ? read('deadline', readDeadline(cell('deadline'), context.defaultYear)) : '';
  const priority = parsePriority(text('priority') ?? '');
  if (priority.unknown.length > 0) fail('priority', `unknown mark ${priority.unknown.map((w) => `"${w}"`).join(', ')}`);
  const sourceText = text('source');
  const source = sourceText === undefined ? 'ledger-import' : parseSource(sourceText);
  if (source === undefined) fail('source', `unknown source "${sourceText}"`);
  if (errors.length > 0) return { errors };
  const contact = text('contact');
  const filing: CaseFilingInput = {
    id: text('id'),
    externalRef: text('externalRef'),
    title: text('title') ?? '',
    description: text('description'),
    category: category ?? '',
    priority: priority.flags,
    petitioner:
      contact === undefined ? { name: text('petitioner') ?? '' } : { name: text('petitioner') ?? '', contact },
    owningUnit: owningUnit ?? '',
    owningLeader: readLeader(cell('owningLeader')),
    handler: text('handler') ?? '',
    stabilityOfficer: text('stabilityOfficer') ?? '',
    deadline: deadline ?? '',
    requirements: text('requirements') ?? '',
    source,
  };
  const checked = CaseFilingSchema.safeParse(filing);
  if (checked.success) return { errors, filing };
  for (const issue of checked.error.issues) fail(fieldOfIssue(issue.path), issue.message);
  return { errors };
}

/** A case repeated within one file is a typing mistake, not a re-import: the second row is an error. */
function repeatsEarlierRow(filing: CaseFilingInput, row: number, seen: Map<string, number>): string | undefined {
  const keys = [filing.id, filing.externalRef]
    .filter((k): k is string => k !== undefined)
    .map((k) => `ref:${normalizeKey(k)}`);
  keys.push(`case:${caseFingerprint(filing)}`);
  const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
  for (const k of keys) if (!seen.has(k)) seen.set(k, row);
  return earlier === undefined ? undefined : `repeats row ${earlier} (same 编号, or same unit, petitioner and issue)`;
}

export function rowsToFilings(rows: SheetRow[], context: LedgerImportContext): LedgerParseResult {
  const found = findHeader(rows);
  if (!found) {
    const reason = `no header row in the first ${HEADER_SEARCH_ROWS} rows; expected headers such as 信访人, 反映问题, 承办单位`;
    return { ok: false, errors: [{ row: 1, column: '', reason }] };
  }
  const { header } = found;
  const errors = [...found.errors];
  if (errors.length > 0) return { ok: false, errors };
  const filings: { row: number; filing: CaseFilingInput }[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.row <= header.row || isBlank(r)) continue;
    const parsed = parseRow(r, header, context);
    errors.push(...parsed.errors);
    if (!parsed.filing) continue;
    const repeat = repeatsEarlierRow(parsed.filing, r.row, seen);
    if (repeat !== undefined)
      errors.push({ row: r.row, column: header.columns.get('externalRef')?.header ?? '信访人', reason: repeat });
    else filings.push({ row: r.row, filing: parsed.filing });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, headerRow: header.row, filings };
}
