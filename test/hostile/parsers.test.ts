import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLedgerCsv } from '../../activities/ledger/parse-ledger-csv';
import { checkClosureReport } from '../../domain/cases/closure-standard';
import { parsePlanText } from '../../domain/plan/load-plan';
import { validatePlan, type PlanIssue, type PlanValidation } from '../../domain/plan/validate-plan';
import { countyContext } from '../domain/cases/case-fixture';
import { smallPlanInput } from '../support/plans';

const RUNS = 300;
const LEDGER_HEADER =
  '序号,编号,信访人,联系方式,反映问题,问题类别,重点标识,承办单位,包案领导,具体责任人,稳控责任人,办结时限,工作要求';

/** Anything JSON or YAML can hold, plus the values only JavaScript can (undefined, -0, NaN, symbols' cousins). */
const hostileValue = fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withSparseArray: true }));

/** A valid plan with one field, somewhere in it, replaced by something hostile. */
const corruptedPlan = fc
  .tuple(fc.array(fc.oneof(fc.string(), fc.nat({ max: 5 })), { minLength: 1, maxLength: 4 }), hostileValue)
  .map(([path, value]) => {
    const plan = JSON.parse(JSON.stringify(smallPlanInput('hostile'))) as Record<string, unknown>;
    let node: Record<string, unknown> = plan;
    for (const key of path.slice(0, -1)) {
      const next = node[String(key)];
      if (typeof next !== 'object' || next === null) break;
      node = next as Record<string, unknown>;
    }
    node[String(path[path.length - 1])] = value;
    return plan;
  });

function expectIssuesAsData(result: PlanValidation): void {
  const issues: PlanIssue[] = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.code).toBe('string');
    expect(Array.isArray(issue.path)).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

describe('plan validation under hostile input', () => {
  it('answers any value with a plan or a list of issues, never an exception', () => {
    fc.assert(
      fc.property(hostileValue, (value) => expectIssuesAsData(validatePlan(value))),
      { numRuns: RUNS },
    );
  });

  it('answers a valid plan with one field corrupted with a plan or a list of issues', () => {
    fc.assert(
      fc.property(corruptedPlan, (plan) => expectIssuesAsData(validatePlan(plan))),
      { numRuns: RUNS },
    );
  });

  it('answers any text, YAML-looking or not, with a plan or a list of issues', () => {
    const yamlish = fc
      .array(
        fc.constantFrom(
          'a: 1',
          '- x',
          '&a [1]',
          '{',
          '"',
          '? ',
          ': ',
          '\t',
          '---',
          '!!binary',
          '!!js/function',
          '<<: 1',
        ),
      )
      .map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          yamlish,
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => expectIssuesAsData(parsePlanText(text, 'hostile.yaml')),
      ),
      { numRuns: RUNS },
    );
  });
});

/** Aliases: `doc.toJS()` throws for a missing anchor and for an alias bomb; both must come back as issues. */
describe('plan text with hostile YAML aliases', () => {
  const aliasBomb = [
    'a: &a [x, x, x, x, x, x, x, x, x, x]',
    ...'bcdefgh'.split('').map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
  ].join('\n');

  // Both must be refused, not merely answered: a parser that let them through would pass expectIssuesAsData.
  const refusal = (text: string) => {
    const result = parsePlanText(text, 'hostile.yaml');
    expectIssuesAsData(result);
    return result.ok ? [] : result.errors.map((e) => e.code);
  };

  it('answers an alias whose anchor is missing with an issue', () => {
    expect(refusal('campaign: *missing')).toContain('yaml_alias');
  });

  it('answers an alias bomb with an issue', () => {
    expect(refusal(aliasBomb)).toContain('yaml_alias');
  });
});

describe('the closure standard under hostile input', () => {
  it('answers any value with a report or the missing parts named', () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        const check = checkClosureReport(value);
        if (check.ok) return;
        expect(check.missing.length).toBeGreaterThan(0);
        for (const part of check.missing) expect(part.message.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the ledger CSV parser under hostile input', () => {
  const cell = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom('"', '""', '\r\n', ',', '2008-07-15'),
  );
  const row = fc.array(cell, { maxLength: 15 }).map((cells) => cells.join(','));
  const ledger = fc
    .tuple(fc.boolean(), fc.array(row, { maxLength: 8 }))
    .map(([header, rows]) => [...(header ? [LEDGER_HEADER] : []), ...rows].join('\n'));

  it('answers any text with filings or row errors that name the row', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), ledger), (text) => {
        const result = parseLedgerCsv(text, countyContext);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(error.row).toBeGreaterThanOrEqual(1);
          expect(error.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
