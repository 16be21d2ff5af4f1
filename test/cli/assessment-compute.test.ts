import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeFromFiles } from '../../client/assessment/compute-from-files';
import { readScoreFile } from '../../client/assessment/read-score-file';
import { campaign, cliEnv } from './support/cli';

const root = path.resolve(__dirname, '../..');
const plan = path.join(root, 'examples/song-contest.yaml');
const scores = path.join(root, 'test/fixtures/assessment/song-contest-scores.csv');
const facts = path.join(root, 'test/fixtures/assessment/song-contest-facts.yaml');

/**
 * The song contest worked out by hand. Each class's seven judges' marks are its own mark m with
 * m − 0.2, m − 0.1, m, m + 0.1, m + 0.2 and one low and one high outlier (二(3)班: 6.5 and 9.3;
 * 三(2)班: 8.0 and 10.0); dropping the highest and the lowest leaves five marks averaging m.
 * 六(1)班 (9.15) was publicly criticised once: −0.5 → 8.65. Ranked: the top class of each band is
 * 一等奖 (五(1)班 高, 三(2)班 中, 一(3)班 低, 学前(2)班 学前班), the next six by rank 二等奖 — without
 * the deduction 六(1)班 would have been one of them, ahead of 一(1)班, and 二(3)班 would not.
 */
const EXPECTED = [
  ['五(1)班', '9.50', '一等奖'],
  ['三(2)班', '9.40', '一等奖'],
  ['五(2)班', '9.35', '二等奖'],
  ['一(3)班', '9.30', '一等奖'],
  ['六(3)班', '9.25', '二等奖'],
  ['三(1)班', '9.20', '二等奖'],
  ['一(1)班', '9.10', '二等奖'],
  ['四(2)班', '9.05', '二等奖'],
  ['二(3)班', '9.00', '二等奖'],
  ['四(1)班', '8.95', '优秀奖'],
  ['学前(2)班', '8.90', '一等奖'],
  ['六(2)班', '8.85', '优秀奖'],
  ['二(1)班', '8.80', '优秀奖'],
  ['一(2)班', '8.70', '优秀奖'],
  ['六(1)班', '8.65', '优秀奖'],
  ['学前(1)班', '8.60', '优秀奖'],
  ['二(2)班', '8.50', '优秀奖'],
  ['三(3)班', '8.40', '优秀奖'],
  ['四(3)班', '8.30', '优秀奖'],
  ['五(3)班', '8.20', '优秀奖'],
];

interface Ranked {
  rank: number;
  name: string;
  total: string;
  award?: { name: string };
}

interface Output {
  ranking: Ranked[];
  awards: { name: string; entrants: string[] }[];
  warnings: { row?: number; message: string }[];
}

const env = cliEnv();

async function computeJson(scoreFile: string): Promise<Output> {
  const result = await campaign(env, [
    'assessment',
    'compute',
    plan,
    '--scores',
    scoreFile,
    '--facts',
    facts,
    '--json',
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Output;
}

describe('campaign assessment compute (offline)', () => {
  it('computes the song contest from a CSV of seven judges’ scores to the hand-calculated award list', async () => {
    const output = await computeJson(scores);
    expect(output.ranking.map((r) => [r.name, r.total, r.award?.name])).toEqual(EXPECTED);
    expect(output.ranking.map((r) => r.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(output.awards.map((a) => [a.name, a.entrants.length])).toEqual([
      ['一等奖', 4],
      ['二等奖', 6],
      ['优秀奖', 10],
    ]);
    // The judge's slip on row 2 is replaced by the corrected score further down, and said so.
    expect(output.warnings.map((w) => [w.row, w.message])).toEqual([
      [89, 'replaces row 2 (2 → 3.5) for the same assessor, unit and item: the later score counts'],
    ]);
  });

  it('reads the same scores from an Excel workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('评分表');
    for (const line of fs.readFileSync(scores, 'utf8').trim().split('\n')) {
      const [judge, unit, item, score] = line.split(',');
      // Scores as numbers, the way Excel keeps them.
      sheet.addRow([judge, unit, item, Number.isNaN(Number(score)) ? score : Number(score)]);
    }
    const xlsx = path.join(env.dataDir, 'scores.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    // In-process (the same reader and domain the command uses): one CLI start less for a slow machine.
    const { computed } = await computeFromFiles(plan, xlsx, facts);
    if (!computed.ok) throw new Error(computed.errors.map((e) => e.message).join('; '));
    expect(computed.result.ranking.map((r) => [r.name, r.total, r.award?.name])).toEqual(EXPECTED);
  });

  it('prints one class’s breakdown with the marks dropped', async () => {
    const unit = await campaign(env, [
      'assessment',
      'compute',
      plan,
      '--scores',
      scores,
      '--facts',
      facts,
      '--unit',
      'class-2-3',
    ]);
    expect(unit.code).toBe(0);
    expect(unit.stdout).toContain('二(3)班：第 9 名，总分 9.00，二等奖');
    // 评委一's 6.5 (演唱 1) is dropped as the lowest mark, 评委七's 9.3 (演唱 3.8) as the highest.
    expect(unit.stdout).toContain('演唱：3.50\n    评委一 1（去掉最低分）\n    评委二 3.3\n');
    expect(unit.stdout).toContain('评委七 3.8（去掉最高分）\n  动作编排：1.50');
  });

  it('refuses a sheet with bad rows, naming each, and computes nothing', async () => {
    const bad = path.join(env.dataDir, 'bad.csv');
    fs.writeFileSync(
      bad,
      [
        'assessor,unit,item,score',
        'judge-1,class-1-1,singing,4.5',
        'judge-1,class-9-9,singing,3',
        'headmaster,class-1-1,singing,3',
        'judge-2,class-1-1,singing,three',
      ].join('\n'),
    );
    const result = await campaign(env, ['assessment', 'compute', plan, '--scores', bad]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('row 2: 4.5 is out of range: 演唱 is scored from 0 to 4');
    expect(result.stderr).toContain('row 3: "class-9-9" is not one of the units assessed');
    expect(result.stderr).toContain('row 4: 周校长 does not score 演唱');
    expect(result.stderr).toContain('row 5: the score "three" is not a number');
    expect(result.stderr).toMatch(/error: .*bad\.csv: \d+ errors; nothing was computed/);
    const json = await campaign(env, ['assessment', 'compute', plan, '--scores', bad, '--json']);
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout) as { ok: boolean; errors: { row?: number; code: string }[] };
    expect(body.ok).toBe(false);
    expect(body.errors.filter((e) => e.row !== undefined).map((e) => `${e.row} ${e.code}`)).toEqual([
      '2 score_out_of_range',
      '3 unknown_unit',
      '4 not_an_assessor',
      '5 not_a_number',
    ]);
  });

  it('names the missing column of a sheet without the expected header', async () => {
    const headless = path.join(env.dataDir, 'headless.csv');
    fs.writeFileSync(headless, '评委,班级,得分\n评委一,一(1)班,3\n');
    await expect(readScoreFile(headless)).rejects.toThrow('the first row has no column for item (项目 / 评分项目)');
  });

  it('accepts 有效课堂 teachers by level from three weighted items (读书学习 10%, 常规资料 20%, 课堂教学 70%)', async () => {
    // Each examiner scores m − 1, m and m + 1 around the item's mean m (a 100 is 100 from all three).
    const means: Record<string, [number, number, number]> = {
      't-fangxia-1': [95, 90, 92], // 9.5 + 18 + 64.4 = 91.9 → 示范课
      't-fangxia-2': [80, 85, 88], // 8 + 17 + 61.6 = 86.6 → 优质课
      't-fangxia-3': [70, 75, 74], // 7 + 15 + 51.8 = 73.8 → under 达标
      't-kouzhen-1': [90, 90, 89], // 9 + 18 + 62.3 = 89.3 → 优质课
      't-kouzhen-2': [85, 80, 80], // 8.5 + 16 + 56 = 80.5 → 达标
      't-yangzhuang-1': [100, 95, 90], // 10 + 19 + 63 = 92.0 → 示范课
      't-yangzhuang-2': [60, 70, 80], // 6 + 14 + 56 = 76.0 → 达标
    };
    const rows = ['assessor,unit,item,score'];
    for (const [teacher, [reading, routine, teaching]] of Object.entries(means)) {
      for (const [item, m] of [
        ['reading', reading],
        ['routine', routine],
        ['teaching', teaching],
      ] as const) {
        [-1, 0, 1].forEach((d, e) => rows.push(`examiner-${e + 1},${teacher},${item},${m === 100 ? 100 : m + d}`));
      }
    }
    const file = path.join(env.dataDir, 'classroom.csv');
    fs.writeFileSync(file, rows.join('\n'));
    const { computed } = await computeFromFiles(path.join(root, 'examples/effective-classroom.yaml'), file);
    if (!computed.ok) throw new Error(computed.errors.map((e) => e.message).join('; '));
    expect(computed.result.ranking.map((r) => [r.entrant, r.total, r.award?.name])).toEqual([
      ['t-yangzhuang-1', '92.0', '示范课'],
      ['t-fangxia-1', '91.9', '示范课'],
      ['t-kouzhen-1', '89.3', '优质课'],
      ['t-fangxia-2', '86.6', '优质课'],
      ['t-kouzhen-2', '80.5', '达标'],
      ['t-yangzhuang-2', '76.0', '达标'],
      ['t-fangxia-3', '73.8', undefined],
    ]);
  });
});
