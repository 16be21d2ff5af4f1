import { normalizeKey } from '../../domain/cases/case-fingerprint';
import type { CaseSource, PriorityFlag } from '../../domain/cases/case-schema';

/**
 * The columns of a county ledger (台帐) as offices write them, with English alternatives. Headers
 * are matched loosely (spaces, case, full-width characters and a trailing "（…）" note ignored),
 * because every office's spreadsheet is typed a little differently.
 */

export type LedgerField =
  | 'seq'
  | 'id'
  | 'externalRef'
  | 'petitioner'
  | 'contact'
  | 'title'
  | 'description'
  | 'category'
  | 'priority'
  | 'owningUnit'
  | 'owningLeader'
  | 'handler'
  | 'stabilityOfficer'
  | 'deadline'
  | 'requirements'
  | 'source';

export interface LedgerColumn {
  field: LedgerField;
  /** The header an export writes and an error names when the column is missing. */
  zh: string;
  aliases: string[];
  required: boolean;
}

export const LEDGER_COLUMNS: LedgerColumn[] = [
  { field: 'seq', zh: '序号', aliases: ['no', 'serial', 'row'], required: false },
  {
    field: 'externalRef',
    zh: '编号',
    aliases: ['ref', 'reference', 'case no', 'case number', '案件编号'],
    required: false,
  },
  { field: 'petitioner', zh: '信访人', aliases: ['petitioner', '信访人姓名', '姓名'], required: true },
  { field: 'contact', zh: '联系方式', aliases: ['contact', 'phone', '联系电话'], required: false },
  { field: 'title', zh: '反映问题', aliases: ['issue', 'title', '反映的问题', '主要问题'], required: true },
  { field: 'description', zh: '问题描述', aliases: ['description', '具体情况', '基本情况'], required: false },
  { field: 'category', zh: '问题类别', aliases: ['category', '类别', '问题类型'], required: true },
  { field: 'priority', zh: '重点标识', aliases: ['priority', 'flags', 'priority flags', '重点'], required: false },
  { field: 'owningUnit', zh: '承办单位', aliases: ['unit', 'owning unit', '责任单位'], required: true },
  { field: 'owningLeader', zh: '包案领导', aliases: ['leader', 'case leader', 'owning leader'], required: true },
  { field: 'handler', zh: '具体责任人', aliases: ['handler', '责任人'], required: true },
  { field: 'stabilityOfficer', zh: '稳控责任人', aliases: ['stability officer', 'stability'], required: true },
  { field: 'deadline', zh: '办结时限', aliases: ['deadline', 'due', 'due date'], required: true },
  { field: 'requirements', zh: '工作要求', aliases: ['requirements', '具体工作要求'], required: true },
  { field: 'source', zh: '来源', aliases: ['source', '案件来源'], required: false },
  // The ledger's own id, written by an export so a re-import recognises its cases.
  { field: 'id', zh: '系统编号', aliases: ['case id', 'system id'], required: false },
];

export function headerKey(header: string): string {
  return normalizeKey(header.replace(/[(（][^)）]*[)）]\s*$/u, ''));
}

const COLUMN_BY_KEY = new Map<string, LedgerColumn>(
  LEDGER_COLUMNS.flatMap((c) => [c.zh, ...c.aliases].map((name): [string, LedgerColumn] => [headerKey(name), c])),
);

export function columnForHeader(header: string): LedgerColumn | undefined {
  const key = headerKey(header);
  return key.length === 0 ? undefined : COLUMN_BY_KEY.get(key);
}

export const PRIORITY_WORDS: Record<PriorityFlag, string[]> = {
  collective: ['集体访', '群体访', '集访'],
  repeated: ['重复访', '重信重访', '重访'],
  'over-level': ['越级访', '越访'],
  'handed-down': ['省市交办', '省交办', '市交办', '交办'],
  'beijing-bound': ['进京访', '非正常进京访', '赴京访'],
  'long-standing': ['上访老户', '长期积案', '积案', '老户'],
};

/** The Chinese word an export writes for each flag. */
export function priorityWord(flag: PriorityFlag): string {
  return PRIORITY_WORDS[flag][0] ?? flag;
}

const FLAG_BY_WORD = new Map<string, PriorityFlag>(
  (Object.entries(PRIORITY_WORDS) as [PriorityFlag, string[]][]).flatMap(([flag, words]) =>
    [flag, ...words].map((w): [string, PriorityFlag] => [normalizeKey(w), flag]),
  ),
);

/** "集体访、重复访" or "collective, repeated" → flags; unknown words come back so the row can name them. */
export function parsePriority(text: string): { flags: PriorityFlag[]; unknown: string[] } {
  const flags: PriorityFlag[] = [];
  const unknown: string[] = [];
  for (const word of text.split(/[、,，;；/|\s]+/u).filter((w) => w.length > 0)) {
    const flag = FLAG_BY_WORD.get(normalizeKey(word));
    if (flag === undefined) unknown.push(word);
    else if (!flags.includes(flag)) flags.push(flag);
  }
  return { flags, unknown };
}

export const SOURCE_WORDS: Record<CaseSource, string[]> = {
  'ledger-import': ['台帐导入', '台账导入', '排查', '排查建档'],
  'reception-day': ['领导接访日', '接访日', '接访'],
  'handed-down': ['上级交办', '省市交办', '交办'],
  filed: ['登记', '立案', '来信来访'],
  supervision: ['督查发现', '督查', '暗查', '抽查'],
};

const SOURCE_BY_WORD = new Map<string, CaseSource>(
  (Object.entries(SOURCE_WORDS) as [CaseSource, string[]][]).flatMap(([source, words]) =>
    [source, ...words].map((w): [string, CaseSource] => [normalizeKey(w), source]),
  ),
);

export function parseSource(text: string): CaseSource | undefined {
  return SOURCE_BY_WORD.get(normalizeKey(text));
}

export function sourceWord(source: CaseSource): string {
  return SOURCE_WORDS[source][0] ?? source;
}
