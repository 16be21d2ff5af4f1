/**
 * Big ledgers for the benchmark and the size tests: rows like a township's 台帐, made from a seeded
 * generator so every run has the same rows. Issues, villages and requirements come from short lists
 * (a real ledger repeats its kinds of issue); names, numbers and phone numbers vary row by row.
 */

export const LEDGER_HEADER =
  '序号,编号,信访人,联系方式,反映问题,问题类别,重点标识,承办单位,包案领导,具体责任人,稳控责任人,办结时限,工作要求';

const ISSUES = [
  '宅基地被邻居侵占，多次协调未果',
  '征地补偿款未足额发放到户',
  '企业拖欠农民工工资',
  '低保资格认定有异议',
  '拆迁安置房迟迟未交付',
  '村集体账目不公开',
  '养殖场污染饮用水源',
  '土地承包经营权纠纷',
  '退役军人待遇未落实',
  '医疗事故赔偿争议',
  '小区物业乱收费',
  '涉法涉诉案件申请再审',
];
const VILLAGES = ['东关村', '西营村', '南岗村', '北街村', '孙庄村', '李家洼', '王家寨', '前进村', '和平村', '新民村'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '建国秀英桂兰志强海燕永红玉梅国华丽娟德明春生淑珍文军金凤红霞小平立新';
const REQUIREMENTS = [
  '依法按政策解决，及时答复信访人',
  '重新听取申诉并形成谈话记录，6月底前提出处理意见',
  '会同国土所实地丈量，明确权属',
  '督促企业限期支付，必要时移送劳动监察',
  '落实包案领导接访，做好稳控工作',
];
const CATEGORIES = ['涉法涉诉', '热点难点问题'];

/** mulberry32: small, fast and the same everywhere. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BigLedgerRow {
  externalRef: string;
  petitioner: string;
  contact: string;
  title: string;
  category: string;
  priority: string;
  handler: string;
  stabilityOfficer: string;
  requirements: string;
}

/** `count` rows, all distinct cases (distinct petitioner and issue), the same rows for the same seed. */
export function bigLedgerRows(count: number, seed = 21): BigLedgerRow[] {
  const random = seeded(seed);
  const pick = (list: readonly string[] | string): string => list[Math.floor(random() * list.length)] ?? '';
  const name = () => `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`;
  return Array.from({ length: count }, (_, i) => ({
    externalRef: `XF-2026-${String(i + 1).padStart(5, '0')}`,
    petitioner: name(),
    contact: `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
    // The row number keeps two rows of the same petitioner and issue apart, as a real 编号 would.
    title: `${pick(VILLAGES)}村民反映${pick(ISSUES)}（第${i + 1}号）`,
    category: pick(CATEGORIES),
    priority: random() < 0.1 ? '集体访' : '',
    handler: name(),
    stabilityOfficer: name(),
    requirements: pick(REQUIREMENTS),
  }));
}

/** The rows as the CSV a county office keeps: BOM, CRLF, one unit and one case-owning leader. */
export function bigLedgerCsv(rows: BigLedgerRow[], unitName: string, leader: string, deadline: string): string {
  const lines = rows.map((r, i) =>
    [
      i + 1,
      r.externalRef,
      r.petitioner,
      r.contact,
      r.title,
      r.category,
      r.priority,
      unitName,
      leader,
      r.handler,
      r.stabilityOfficer,
      deadline,
      r.requirements,
    ].join(','),
  );
  return `\uFEFF${[LEDGER_HEADER, ...lines].join('\r\n')}\r\n`;
}
