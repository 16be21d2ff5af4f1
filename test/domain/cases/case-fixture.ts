import { fileCases } from '../../../domain/cases/case-ledger';
import type { CaseFilingInput, CaseLedger, CaseLedgerContext, ClosureReport } from '../../../domain/cases/case-schema';
import { DEFAULT_CASE_LADDER, createCaseLedger } from '../../../domain/cases/ledger-context';

/** A county like the one in 000 篇5, as the plan would describe it; tests pass it in explicitly. */
export const countyContext: CaseLedgerContext = {
  units: [
    { id: 'town-dongfang', name: '东方镇' },
    { id: 'town-chengdong', name: '城东乡' },
    { id: 'town-nanxiaowang', name: '南小王乡' },
    { id: 'court', name: '县法院' },
    { id: 'police', name: '县公安局' },
    { id: 'land', name: '县国土资源局' },
    { id: 'justice', name: '县司法局' },
    { id: 'petition-office', name: '县信访局' },
  ],
  categories: [
    { id: 'law-related', name: '涉法涉诉' },
    { id: 'repeated-petition', name: '重复访、越级访、集体访' },
    { id: 'handed-down', name: '省市交办' },
    { id: 'hot-issue', name: '热点难点问题' },
  ],
  leaders: [
    { id: 'leader-zhao', name: '赵立军', email: 'zhao@county.example.gov.cn' },
    { id: 'leader-qian', name: '钱志平', email: 'qian@county.example.gov.cn' },
  ],
  timeZone: 'Asia/Shanghai',
  defaultDueTime: '18:00',
  ladder: DEFAULT_CASE_LADDER,
};

/** 2008-04-20 10:00 in the county: the day the ledgers are due. */
export const FILED_AT = Date.parse('2008-04-20T10:00:00+08:00');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function filing(overrides: Partial<CaseFilingInput> = {}): CaseFilingInput {
  return {
    title: '宅基地纠纷长期未解决',
    category: 'hot-issue',
    priority: ['repeated'],
    petitioner: { name: '李某某', contact: '13800000001' },
    owningUnit: 'town-dongfang',
    owningLeader: { name: '赵立军' },
    handler: '张明',
    stabilityOfficer: '刘强',
    deadline: '2008-07-15',
    requirements: '重新听取申诉并形成谈话记录，6月底前提出处理意见',
    source: 'ledger-import',
    ...overrides,
  };
}

export function completeReport(overrides: Partial<ClosureReport> = {}): ClosureReport {
  return {
    issueRaised: '信访人反映宅基地被邻居侵占',
    investigation: '经实地丈量，邻居院墙越界0.6米',
    handlingOpinion: '责令邻居拆除越界部分院墙，已于6月10日拆除',
    signatures: { unitLeader: '王镇长', handler: '张明' },
    unitSealed: true,
    followUp: { opinion: 'agree', petitionerSigned: true },
    ...overrides,
  };
}

export function emptyLedger(context: CaseLedgerContext = countyContext): CaseLedger {
  return createCaseLedger(context);
}

/** A ledger holding the given filings; fails the test loudly if any is refused. */
export function ledgerOf(filings: CaseFilingInput[], nowMs = FILED_AT): CaseLedger {
  const result = fileCases(emptyLedger(), filings, 'office', nowMs);
  if (!result.ok) throw new Error(`fixture filings refused: ${JSON.stringify(result.errors)}`);
  return result.ledger;
}
