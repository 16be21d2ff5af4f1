import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkClosureReport, type ClosurePart } from '../../../domain/cases/closure-standard';
import { completeReport } from './case-fixture';

type Report = Record<string, unknown>;

/** Each way of leaving out one part of the closure standard, and the part it must be named as. */
const withoutPart: Record<Exclude<ClosurePart, 'visitorReason'>, (r: Report) => Report> = {
  issueRaised: ({ issueRaised: _, ...r }) => r,
  investigation: (r) => ({ ...r, investigation: '   ' }),
  handlingOpinion: ({ handlingOpinion: _, ...r }) => r,
  unitLeaderSignature: (r) => ({ ...r, signatures: { ...(r.signatures as object), unitLeader: undefined } }),
  handlerSignature: (r) => ({ ...r, signatures: { ...(r.signatures as object), handler: '' } }),
  unitSeal: (r) => ({ ...r, unitSealed: false }),
  followUpOpinion: ({ followUp: _, ...r }) => r,
  petitionerSignature: (r) => ({ ...r, followUp: { opinion: 'agree', petitionerSigned: false } }),
};

const partsOf = (report: unknown) => {
  const result = checkClosureReport(report);
  return result.ok ? [] : result.missing.map((m) => m.part);
};

describe('closure standard (结案标准)', () => {
  it('accepts a report that has every part', () => {
    expect(checkClosureReport(completeReport())).toEqual({ ok: true, report: completeReport() });
  });

  it.each(Object.entries(withoutPart))('rejects a report without its %s and names that part', (part, strip) => {
    const result = checkClosureReport(strip(completeReport()));
    expect(result.ok).toBe(false);
    expect(partsOf(strip(completeReport()))).toEqual([part]);
  });

  it('names each missing part in Chinese and in English', () => {
    const result = checkClosureReport(withoutPart.unitSeal(completeReport()));
    expect(result).toMatchObject({ ok: false, missing: [{ part: 'unitSeal' }] });
    expect(result.ok ? '' : result.missing[0]?.message).toMatch(/加盖公章 \(unit seal\)/);
  });

  it('lists every missing part of an empty report at once', () => {
    expect(partsOf({})).toEqual([
      'issueRaised',
      'investigation',
      'handlingOpinion',
      'unitLeaderSignature',
      'handlerSignature',
      'unitSeal',
      'followUpOpinion',
    ]);
    expect(partsOf(null)).toHaveLength(7);
  });

  it('rejects a petitioner who signed "disagree" when the visitor recorded no reason', () => {
    const report = completeReport({ followUp: { opinion: 'disagree', petitionerSigned: true } });
    expect(partsOf(report)).toEqual(['visitorReason']);
  });

  it('accepts a petitioner who signed "disagree" when the visitor recorded why', () => {
    const followUp = {
      opinion: 'disagree' as const,
      petitionerSigned: true,
      visitorReason: '要求赔偿金额过高，不符合政策',
    };
    expect(checkClosureReport(completeReport({ followUp })).ok).toBe(true);
  });

  it('rejects a refusal to sign when the visitor recorded no reason', () => {
    expect(partsOf(completeReport({ followUp: { opinion: 'refused' } }))).toEqual(['visitorReason']);
  });

  it('accepts a refusal to sign when the visitor recorded why', () => {
    const followUp = { opinion: 'refused' as const, visitorReason: '信访人坚持原诉求，拒绝签字' };
    expect(checkClosureReport(completeReport({ followUp }))).toMatchObject({ ok: true });
  });

  it('rejects an opinion it does not know', () => {
    expect(partsOf(completeReport({ followUp: { opinion: 'maybe' } as never }))).toEqual(['followUpOpinion']);
  });

  it('names exactly the parts that were left out, whichever they are', () => {
    const strippable = Object.keys(withoutPart) as (keyof typeof withoutPart)[];
    // Removing the follow-up entirely hides the petitioner signature, so the two are not combined.
    const independent = strippable.filter((p) => p !== 'petitionerSignature');
    fc.assert(
      fc.property(fc.subarray(independent), (parts) => {
        const report = parts.reduce<Report>((r, p) => withoutPart[p](r), completeReport());
        expect(partsOf(report).sort()).toEqual([...parts].sort());
      }),
    );
  });
});
