import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';

/** `campaign draft` as a user runs it: real files in, a plan file (or one sentence and nothing) out. */
const BIN = path.resolve(__dirname, '../../bin/campaign.js');
const SEEDS = path.resolve(__dirname, '../fixtures/draft-seeds');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-draft-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function draft(args: string[]) {
  const run = spawnSync(process.execPath, [BIN, 'draft', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function written(): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
}

const COUNTY = [
  '“查隐患、清积案”信访问题专项治理活动实施方案',
  '经县维护稳定工作领导小组决定，开展专项治理活动。',
  '（一）宣传发动阶段（4月12日至4月13日）',
  '各乡镇、各部门要成立工作小组，小组成员名单于4月14日前上报县领导小组办公室。',
  '（二）排查建档阶段（4月14日至4月20日）',
  '各单位将排查情况于4月20日前上报县领导小组办公室。',
];

describe('campaign draft', () => {
  it('drafts a .docx into a plan with its source quoted, and says what it found', async () => {
    const doc = new Document({ sections: [{ children: COUNTY.map((text) => new Paragraph(text)) }] });
    fs.writeFileSync(path.join(dir, 'county.docx'), await Packer.toBuffer(doc));
    const result = draft(['county.docx', '--year', '2026', '--out', 'county.yaml']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('宣传发动  2026-04-12 – 2026-04-13');
    expect(result.stdout).toMatch(/to fill \(待填\) {2}\d+/u);
    const yaml = fs.readFileSync(path.join(dir, 'county.yaml'), 'utf8');
    expect(yaml).toContain('due: 2026-04-14');
    expect(yaml).toMatch(/# 原文 第\d+行：.*小组成员名单于4月14日前上报/u);
  });

  it('leaves a draft that validate --draft lists as what remains, and that plain validate refuses', () => {
    const toFill = Number(
      /to fill \(待填\) {2}(\d+)/u.exec(draft(['county.docx', '--year', '2026', '--out', 'again.yaml']).stdout)?.[1],
    );
    const validate = (args: string[]) =>
      spawnSync(process.execPath, [BIN, 'validate', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    const asDraft = validate(['again.yaml', '--draft']);
    expect(asDraft.status).toBe(0);
    expect(asDraft.stdout.split('\n').filter((line) => line.startsWith('to fill')).length).toBe(toFill);
    expect(asDraft.stdout).toMatch(/again\.yaml:\d+:\d+: office\.email: to be filled \(待填\): 办公室的电子邮箱/u);
    expect(asDraft.stdout).toContain(`again.yaml is a draft: ${toFill} to fill (待填)`);
    const plain = validate(['again.yaml']);
    expect(plain.status).toBe(1);
    expect(plain.stdout).toContain(`again.yaml: ${toFill} errors`);
  });

  it('gives the same summary as JSON', () => {
    const result = draft([
      path.join(SEEDS, '002_51171fc73f24b350.txt'),
      '--plan',
      '5',
      '--out',
      'school.yaml',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { plans: { phases: { start?: string }[]; year: { year: number } }[] };
    expect(body.plans[0]?.year.year).toBe(2015);
    expect(body.plans[0]?.phases.map((p) => p.start)).toEqual(['2015-04-15', '2015-05-15', '2015-09-15']);
  });

  it('asks which plan when a document holds several, and writes nothing', () => {
    const before = written();
    const result = draft([path.join(SEEDS, '000_22ddb5acf6cc5a3c.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds 5 plans; choose one with --plan N, or draft each with --all');
    expect(result.stderr).toContain('5. “查隱患、清積案、淨環境”');
    expect(written()).toEqual(before);
  });

  it('drafts each plan with phases into its own file with --all', () => {
    const result = draft([path.join(SEEDS, '000_22ddb5acf6cc5a3c.txt'), '--all', '--out', 'seed0.yaml']);
    expect(result.code).toBe(0);
    expect(
      written()
        .filter((f) => f.startsWith('seed0-'))
        .sort(),
    ).toEqual(['seed0-1.yaml', 'seed0-2.yaml', 'seed0-5.yaml']);
  });

  const write = (name: string, bytes: string | Buffer) => () => fs.writeFileSync(path.join(dir, name), bytes);
  const refusals: [string, string, () => void, RegExp][] = [
    [
      'a corrupted .docx',
      'bad.docx',
      write('bad.docx', 'PK\u0003\u0004 not really a zip'),
      /bad\.docx: it is not a readable \.docx/u,
    ],
    [
      'GBK text',
      'gbk.txt',
      write('gbk.txt', Buffer.from([0xb7, 0xbd, 0xb0, 0xb8, 0x0a, 0xbd, 0xd7, 0xb6, 0xce])),
      /gbk\.txt: it is not UTF-8 text: it looks like GBK/u,
    ],
    [
      'UTF-16 text',
      'utf16.txt',
      write('utf16.txt', Buffer.from('\ufeff方案\n阶段', 'utf16le')),
      /utf16\.txt: it is UTF-16 text/u,
    ],
    [
      'a 50 MB file',
      'huge.txt',
      () => fs.truncateSync(path.join(dir, 'huge.txt'), 51 * 1024 * 1024),
      /huge\.txt: it is 51 MB/u,
    ],
    [
      'a document with no phases',
      'nophase.txt',
      write('nophase.txt', '工作方案\n各单位要高度重视。\n'),
      /nophase\.txt has no phases/u,
    ],
  ];

  it.each(refusals)('refuses %s with one sentence, exit 1, nothing written', (_what, file, make, sentence) => {
    if (file === 'huge.txt') fs.writeFileSync(path.join(dir, file), '');
    make();
    const before = written();
    const result = draft([file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(sentence);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/u);
    expect(written()).toEqual(before);
  });

  it('refuses an empty (image-only) PDF: it has no text', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    fs.writeFileSync(path.join(dir, 'scan.pdf'), await pdf.save());
    const result = draft(['scan.pdf']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('scan.pdf: the PDF has no text');
    expect(fs.existsSync(path.join(dir, 'scan.draft.yaml'))).toBe(false);
  });
});
