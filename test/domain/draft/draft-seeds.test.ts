import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftToPlan } from '../../../domain/draft/draft-to-plan';
import { extractDrafts } from '../../../domain/draft/extract-draft';
import { renderDraftYaml } from '../../../domain/draft/render-draft-yaml';
import { AnswerKeySchema, emptyTallies, ratio, scoreDraft } from '../../../domain/draft/score-drafts';
import { parsePlanText } from '../../../domain/plan/load-plan';
import { validatePlan } from '../../../domain/plan/validate-plan';
import { fillPlaceholders } from './fill-placeholders';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const SEEDS = path.join(FIXTURES, 'draft-seeds');
const seedText = (name: string) => fs.readFileSync(path.join(SEEDS, name), 'utf8');
const seeds = fs
  .readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('drafts of the seed plans against the hand-written answer key', () => {
  const tallies = emptyTallies();
  for (const file of fs.readdirSync(path.join(FIXTURES, 'draft-key')).sort()) {
    const key = AnswerKeySchema.parse(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'draft-key', file), 'utf8')));
    scoreDraft(extractDrafts(seedText(key.seed))[key.plan - 1]!, key, tallies);
  }

  it('finds at least 90% of the phases and of the dated deliverables', () => {
    expect(ratio(tallies.phases.matched, tallies.phases.expected)).toBeGreaterThanOrEqual(0.9);
    expect(ratio(tallies.datedDeliverables.matched, tallies.datedDeliverables.expected)).toBeGreaterThanOrEqual(0.9);
  });

  it('invents no date: every date it gives is in the key', () => {
    expect(tallies.dates.found).toBeGreaterThan(0);
    expect(tallies.dates.matched).toBe(tallies.dates.found);
  });

  it('finds the plans a document holds: 篇1…篇5 of seed 000', () => {
    expect(extractDrafts(seedText('000_22ddb5acf6cc5a3c.txt')).map((d) => d.heading)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `活動實施方案 篇${n}`),
    );
  });
});

describe('a drafted seed plan, once a person fills in its placeholders', () => {
  const drafted = seeds.flatMap((seed) =>
    extractDrafts(seedText(seed))
      .filter((d) => d.phases.length > 0)
      .map((draft) => ({ name: `${seed} plan ${draft.index}`, yaml: renderDraftYaml(draftToPlan(draft), ' draft') })),
  );

  it('is drafted from five seed plans at least', () => {
    expect(drafted.length).toBeGreaterThanOrEqual(5);
  });

  it.each(drafted.map((d) => [d.name, d.yaml] as const))(
    '%s: is a draft with placeholders and no other error',
    (_name, yaml) => {
      const result = parsePlanText(yaml, 'draft.yaml', { draft: true });
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(result.remaining?.length).toBeGreaterThan(0);
    },
  );

  it.each(drafted.map((d) => [d.name, d.yaml] as const))('%s: validates once filled', (_name, yaml) => {
    const filled: unknown = fillPlaceholders(yaml, 2026).toJS();
    const result = validatePlan(filled);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('placeholders in a plan file', () => {
  const county = renderDraftYaml(draftToPlan(extractDrafts(seedText('000_22ddb5acf6cc5a3c.txt'))[4]!), ' draft');

  it('are errors "to be filled" with their path and line, so a draft cannot start', () => {
    const result = parsePlanText(county, 'county.yaml');
    expect(result.ok).toBe(false);
    const toFill = result.ok ? [] : result.errors.filter((e) => e.code === 'to_be_filled');
    expect(toFill.length).toBe(result.ok ? -1 : result.errors.length);
    const start = toFill.find((e) => e.path.join('.') === 'phases.0.window.start');
    expect(start?.message).toContain('????-04-12');
    expect(county.split('\n')[(start?.location?.line ?? 0) - 1]).toContain('<<待填');
  });

  it('are what remains in draft mode, not errors', () => {
    const result = parsePlanText(county, 'county.yaml', { draft: true });
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.remaining?.map((e) => e.path.join('.'))).toContain('office.email');
  });

  it('quote the source sentence and line above each drafted element', () => {
    expect(county).toMatch(/# 原文 第397行：\(一\)宣傳發動階段\(4月12日至4月13日\)\n {2}- id: phase-1/u);
    expect(county).toContain('小組成員名單于4月14日前上報');
  });

  it('the committed filled-in county plan (seed 000 篇5) validates', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'draft', 'county-plan-filled.yaml'), 'utf8');
    const result = parsePlanText(text, 'county-plan-filled.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(text).toContain('# 原文 第');
  });
});
