import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../../client/plan/read-plan-file';
import { formatIssueIn, parsePlanText } from '../../../domain/plan/load-plan';
import { basePlan } from './plan-fixture';

const VALID_YAML = `
campaign: { id: c, title: 活动, organiser: 领导小组 }
leadingGroup:
  head: { id: head, name: 组长, email: head@example.org }
office: { id: office, name: 办公室, email: office@example.org }
units:
  - id: town-a
    name: 甲镇
    head: { name: 镇长, email: a.head@example.org }
    contact: { name: 联系人, email: a@example.org }
phases:
  - id: only
    name: 排查建档
    window: { start: 2026-04-14, end: 2026-04-20 }
    deliverables:
      - { id: ledger, title: 台帐, kind: case-ledger, due: 2026-04-20 }
`;

describe('reading plan text', () => {
  it('reads YAML, keeping unquoted dates and times of day as text', () => {
    const result = parsePlanText(`${VALID_YAML}reminders: [{ before: 1d, at: 09:00 }]\n`, 'plan.yaml');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.phases[0]?.window).toEqual({ start: '2026-04-14', end: '2026-04-20' });
      expect(result.plan.reminders).toEqual([{ before: '1d', at: '09:00' }]);
    }
  });

  it('reads JSON, since JSON is YAML', () => {
    expect(parsePlanText(JSON.stringify(basePlan(), null, 2), 'plan.json').ok).toBe(true);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const result = parsePlanText('campaign:\n  id: c\n  title: x: y\nunits: []\n', 'plan.yaml');
    expect(result.ok).toBe(false);
    const [first] = result.ok ? [] : result.errors;
    expect(first).toMatchObject({ severity: 'error', path: [], location: { line: 3, column: 10 } });
    expect(first?.code).toMatch(/^yaml_/);
  });

  it('tells how to quote a value that starts with a quoted phrase', () => {
    const text = 'campaign:\n  id: c\n  title: "查隐患、清积案"信访问题专项治理活动\n';
    const result = parsePlanText(text, 'plan.yaml');
    const [first] = result.ok ? [] : result.errors;
    expect(first?.location?.line).toBe(3);
    expect(first?.message).toContain(
      `a value that starts with a quote mark must be quoted whole: write title: '"查隐患、清积案"信访问题专项治理活动'`,
    );
    // The suggestion is itself valid YAML that keeps the title as written.
    const fixed = parsePlanText(text.replace('title: "', `title: '"`).replace('活动\n', "活动'\n"), 'plan.yaml');
    expect(fixed.ok ? [] : fixed.errors.map((e) => e.code)).not.toContain('yaml_unexpected_token');
  });

  it('reports a key written twice, which YAML would otherwise resolve silently', () => {
    const result = parsePlanText('campaign: {}\ncampaign: {}\n', 'plan.yaml');
    expect(result.ok ? [] : result.errors).toMatchObject([
      { code: 'yaml_duplicate_key', location: { line: 2, column: 1 } },
    ]);
  });

  it('reports a JSON syntax error with its line', () => {
    const result = parsePlanText('{\n  "campaign": {\n    "id": "c",,\n  }\n}', 'plan.json');
    expect(result.ok ? [] : result.errors[0]?.location?.line).toBe(3);
  });

  it('reports an empty file as holding no plan', () => {
    expect(parsePlanText('# only a comment\n', 'empty.yaml')).toMatchObject({
      ok: false,
      errors: [{ code: 'empty_file', message: 'empty.yaml holds no plan' }],
    });
  });

  it('points each validation issue at its line in the file', () => {
    const text = VALID_YAML.replace('due: 2026-04-20', 'due: 2026-04-31');
    const result = parsePlanText(text, 'plan.yaml');
    const [issue] = result.ok ? [] : result.errors;
    expect(issue?.location).toEqual({ line: 16, column: 58 });
    expect(issue && formatIssueIn('plan.yaml', issue)).toBe(
      'plan.yaml:16:58: phases[0].deliverables[0].due: no such day in the calendar (found "2026-04-31")',
    );
  });

  it('points a missing field at its parent, the nearest line that exists', () => {
    const text = VALID_YAML.replace('  - id: only\n    name: 排查建档\n', '  - id: only\n');
    const result = parsePlanText(text, 'plan.yaml');
    expect(result.ok ? [] : result.errors).toMatchObject([{ path: ['phases', 0, 'name'], location: { line: 12 } }]);
  });
});

describe('reading a plan file', () => {
  it('reads and checks a plan file from disk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-'));
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(file, VALID_YAML);
    await expect(readPlanFile(file)).resolves.toMatchObject({ ok: true });
  });

  it('says clearly that a plan file does not exist', async () => {
    const result = await readPlanFile('/no/such/dir/plan.yaml');
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'file_not_found', path: [] }] });
    expect(result.ok ? '' : result.errors[0]?.message).toContain('cannot read plan file "/no/such/dir/plan.yaml"');
  });

  it('refuses a directory as no file at all, before reading anything', async () => {
    await expect(readPlanFile(tmpdir())).rejects.toMatchObject({ name: 'FileRefusal', code: 'not_a_file' });
  });
});
