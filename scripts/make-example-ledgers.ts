/**
 * Writes the example ledgers (examples/county-ledger.csv and .xlsx) for the county example plan:
 * twelve cases of each of its four categories, with the Chinese header row county offices use.
 * The rows are fixed, so running it again writes the same cases. Names are invented and partly masked (李某某),
 * phone numbers are from an unassigned range.
 *
 *   node bin/run-ts.js scripts/make-example-ledgers.ts
 */
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeCsv } from '../activities/csv/csv-format';

const HEADERS = [
  '序号',
  '编号',
  '信访人',
  '联系方式',
  '反映问题',
  '问题类别',
  '重点标识',
  '承办单位',
  '包案领导',
  '具体责任人',
  '稳控责任人',
  '办结时限',
  '工作要求',
];

const UNITS = [
  '县委政法委',
  '县人民法院',
  '县人民检察院',
  '县公安局',
  '县司法局',
  '县国土资源局',
  '县发展改革局',
  '博野镇',
  '小店镇',
  '程委镇',
];
const LEADERS = ['张志刚', '李卫东', '赵国强', '孙立新', '周敏'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];

const ISSUES: Record<string, { flags: string; items: string[] }> = {
  涉法涉诉: {
    flags: '',
    items: [
      '不服民事判决，申请再审未获受理',
      '交通事故赔偿案件执行不到位',
      '劳动争议仲裁裁决长期未执行',
      '认为刑事案件侦查取证不公',
      '离婚财产分割判决执行难',
      '民间借贷纠纷胜诉后对方转移财产',
      '对行政诉讼不予立案不服',
      '工伤认定行政复议久拖未决',
      '要求对伤害案件重新鉴定',
      '执行款被扣划后未及时发放',
      '认为公证文书存在错误',
      '法律援助申请被拒',
    ],
  },
  '重复访、越级访、集体访': {
    flags: '重复访',
    items: [
      '宅基地被邻居侵占，多次协调未果',
      '村集体土地征用补偿款分配不公',
      '企业改制职工安置费未足额发放',
      '拖欠农民工工资，多次上访',
      '退伍军人待遇落实问题',
      '村干部财务不公开',
      '养殖场关停补偿标准争议',
      '城中村改造回迁安置延期',
      '移民后期扶持资金发放不到位',
      '林地承包合同纠纷',
      '原民办教师待遇问题',
      '小区业主反映开发商逾期交房',
    ],
  },
  省市交办: {
    flags: '省市交办',
    items: [
      '市交办：企业排污影响周边村民生活',
      '省交办：征地补偿款被截留',
      '市交办：低保评定不公',
      '市交办：道路施工损坏房屋',
      '省交办：乡村学校合并后学生上学远',
      '市交办：集贸市场占道经营纠纷',
      '市交办：农田灌溉水源被截断',
      '省交办：医疗纠纷赔偿争议',
      '市交办：砂石开采破坏耕地',
      '市交办：供暖收费标准争议',
      '市交办：危房改造补助未到位',
      '省交办：国有企业退休人员待遇',
    ],
  },
  热点难点问题: {
    flags: '',
    items: [
      '物业管理服务质量差，收费不合理',
      '农村饮水安全问题',
      '新建道路噪音扰民',
      '棚户区改造补偿标准',
      '村庄环境卫生脏乱差',
      '公交线路调整出行不便',
      '农村承包地确权面积误差',
      '养老机构收费过高',
      '小区停车位产权纠纷',
      '学校周边交通安全隐患',
      '集体经济收益分配',
      '乡村道路年久失修',
    ],
  },
};

function rows(): (string | number)[][] {
  const out: (string | number)[][] = [];
  let n = 0;
  for (const [category, { flags, items }] of Object.entries(ISSUES)) {
    for (const [i, issue] of items.entries()) {
      n += 1;
      const unit = UNITS[(n - 1) % UNITS.length]!;
      const collective = category.includes('集体访') && i % 3 === 1;
      out.push([
        n,
        `BY-2026-${String(n).padStart(3, '0')}`,
        collective ? `${SURNAMES[i]}某等${8 + i}人` : `${SURNAMES[i]}某某`,
        `138000${String(n).padStart(5, '0')}`,
        issue,
        category,
        [flags, collective ? '集体访' : ''].filter(Boolean).join('、'),
        unit,
        LEADERS[n % LEADERS.length]!,
        `${unit}经办人${(i % 3) + 1}`,
        `${unit}稳控员${(i % 2) + 1}`,
        i % 2 === 0 ? '2026-06-30' : '2026-07-15',
        '逐件落实“四明确”，按期提交结案报告及回访意见',
      ]);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const examples = path.resolve(__dirname, '..', 'examples');
  const title = '博野县“查隐患、清积案、净环境”信访问题专项治理排查台帐（2026年4月20日）';
  const body = [HEADERS, ...rows()];
  // The project's one CSV writer: what an office's Excel opens, formula-safe.
  await writeFile(path.join(examples, 'county-ledger.csv'), writeCsv([[title], ...body]));
  const book = new ExcelJS.Workbook();
  book.created = new Date('2026-04-20T00:00:00Z');
  book.modified = book.created;
  const sheet = book.addWorksheet('排查台帐');
  sheet.addRow([title]);
  for (const row of body) sheet.addRow(row);
  await book.xlsx.writeFile(path.join(examples, 'county-ledger.xlsx'));
}

void main();
