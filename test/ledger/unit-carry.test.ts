import { describe, expect, it } from 'vitest';
import { fileCases } from '../../domain/cases/case-ledger';
import type { CaseFilingInput } from '../../domain/cases/case-schema';
import { encodedBytes, PLAN_LIMITS } from '../../domain/plan/plan-limits';
import { initialUnitState, type UnitState } from '../../domain/unit/unit-state';
import {
  CARRY_BUDGET_BYTES,
  finalResult,
  nextRun,
  packCarry,
  unpackCarry,
  type UnitCarry,
} from '../../workflows/unit-carry';
import type { UnitWorkflowInput } from '../../contracts';
import { countyContext, emptyLedger, FILED_AT, filing } from '../domain/cases/case-fixture';
import { bigLedgerRows } from '../../bench/ledger-rows';

/** A unit holding `filings`, as its workflow would after an import. */
function unitWith(filings: CaseFilingInput[]): UnitState {
  const filed = fileCases(emptyLedger(), filings, 'office', FILED_AT, { notify: false });
  if (!filed.ok) throw new Error(JSON.stringify(filed.errors.slice(0, 3)));
  return {
    ...initialUnitState('town-dongfang', '东方镇', countyContext),
    filingPhases: ['investigate'],
    ledger: filed.ledger,
  };
}

const carryOf = (state: UnitState): UnitCarry => ({ state, progressVersion: 7, seals: { marks: {}, auditSeq: 2 } });

// Only what nextRun reads of the input matters here: its size beside the packed carry.
const input = { unit: { id: 'town-dongfang' }, messageKey: 'k'.repeat(44) } as unknown as UnitWorkflowInput;

describe("a unit's state carried across continue-as-new", () => {
  const rows = bigLedgerRows(20_000);
  const big = unitWith(
    rows.map((r) =>
      filing({
        externalRef: r.externalRef,
        title: r.title,
        petitioner: { name: r.petitioner, contact: r.contact },
        handler: r.handler,
        stabilityOfficer: r.stabilityOfficer,
        requirements: r.requirements,
      }),
    ),
  );

  it('comes back exactly as it went, and packs to the same bytes every time (replay)', () => {
    const carry = carryOf(big);
    const packed = packCarry(carry);
    expect(unpackCarry(packed)).toEqual(JSON.parse(JSON.stringify(carry)));
    expect(Buffer.from(packCarry(carry)).equals(Buffer.from(packed))).toBe(true);
  });

  it('fits one continue-as-new at 20,000 cases, where the plain JSON is eight times the payload limit', () => {
    expect(big.ledger.cases).toHaveLength(20_000);
    const plain = encodedBytes(carryOf(big));
    expect(plain).toBeGreaterThan(4 * PLAN_LIMITS.serverPayloadBytes);
    const next = nextRun(input, carryOf(big));
    expect(next.fits).toBe(true);
    if (next.fits) {
      expect(next.input.carried).toBeUndefined();
      expect(next.packed.byteLength).toBeLessThan(CARRY_BUDGET_BYTES);
      console.info(`carry at 20,000 cases: ${plain} bytes of JSON, ${next.packed.byteLength} packed`);
    }
  });

  it('says how big it would be instead of asking the server for more than a payload holds', () => {
    // Text with nothing to share between cases: every title and requirement different, character by character.
    let x = 2463534242;
    const next32 = () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 0);
    const noise = (length: number) =>
      Array.from({ length }, () => String.fromCharCode(0x4e00 + (next32() % 20_902))).join('');
    const state = unitWith(
      Array.from({ length: 8_000 }, (_, i) =>
        filing({ externalRef: `N-${i}`, title: noise(40), requirements: noise(120) }),
      ),
    );
    const next = nextRun(input, carryOf(state));
    expect(next).toMatchObject({ fits: false });
    if (!next.fits) expect(next.bytes).toBeGreaterThan(CARRY_BUDGET_BYTES);
  });

  it('ends with the whole state while it fits one payload, and without its cases past that', () => {
    const small = unitWith([filing()]);
    expect(finalResult(small)).toBe(small);
    const result = finalResult(big);
    expect(result.ledger.cases).toEqual([]);
    expect(result.ledger.nextSeq).toBe(big.ledger.nextSeq);
    expect(encodedBytes(result)).toBeLessThan(CARRY_BUDGET_BYTES);
  });
});
