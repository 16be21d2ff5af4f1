import { describe, expect, it } from 'vitest';
import { findDateExpressions } from '../../../domain/draft/chinese-dates';
import { extractDrafts } from '../../../domain/draft/extract-draft';
import { dateText } from '../../../domain/draft/resolve-date';

/** One phase heading, drafted, as "start..end" ("?" where the draft leaves a placeholder). */
function windowOf(heading: string, year?: number): string {
  const [draft] = extractDrafts(`方案\n${heading}\n各单位要认真组织。`, year === undefined ? {} : { year });
  const phase = draft?.phases[0];
  return phase ? `${dateText(phase.start) ?? '?'}..${dateText(phase.end) ?? '?'}` : 'no phase';
}

describe('Chinese date forms in a phase heading', () => {
  it.each([
    ['（一）宣传发动阶段（4月12日至4月13日）', 2026, '2026-04-12..2026-04-13'],
    ['（一）宣传发动阶段（4月12日—13日）', 2026, '2026-04-12..2026-04-13'],
    ['（一）宣传发动阶段（2016年11月11日-30日）', undefined, '2016-11-11..2016-11-30'],
    ['（一）宣传发动阶段（4.12-4.13）', 2026, '2026-04-12..2026-04-13'],
    ['（四）总结验收阶段（7月15至7月底）', 2026, '2026-07-15..2026-07-31'],
    ['（二）排查阶段（11月上旬）', 2026, '2026-11-01..2026-11-10'],
    ['（二）排查阶段（11月中旬）', 2026, '2026-11-11..2026-11-20'],
    ['（二）排查阶段（2月下旬）', 2028, '2028-02-21..2028-02-29'],
    ['（二）排查阶段（2月下旬）', 2026, '2026-02-21..2026-02-28'],
    ['（一）4月份，学校制定总体实施方案', 2026, '2026-04-01..2026-04-30'],
    ['（三）化解阶段（12月20日至1月5日）', 2026, '2026-12-20..2027-01-05'],
    ['（三）检查总结阶段（10月底）', 2012, '?..2012-10-31'],
    ['（一）动员部署阶段（2012年3月5日前）', undefined, '?..2012-03-05'],
    ['（二）组织实施阶段（2012年3月6日至党代会之后）', undefined, '2012-03-06..?'],
  ])('%s (year %s) → %s', (heading, year, expected) => {
    expect(windowOf(heading, year)).toBe(expected);
  });

  it('keeps month and day but no year when the document gives none (a placeholder, not a guess)', () => {
    expect(windowOf('（一）宣传发动阶段（4月12日至4月13日）')).toBe('--04-12..--04-13');
  });

  it('leaves the last day of February open without a year', () => {
    expect(windowOf('（二）排查阶段（2月下旬）')).toBe('--02-21..?');
  });

  it('leaves blank dates blank: （ 月 日—— 月 日）', () => {
    expect(windowOf('（一）宣传发动阶段（ 月 日—— 月 日）', 2026)).toBe('?..?');
  });

  it('reads a year masked as XX as not given', () => {
    const [range] = findDateExpressions('XX年11月5日~XX年12月1日');
    expect(range).toMatchObject({ kind: 'range', start: { yearHidden: true, month: 11, day: 5 } });
    expect(windowOf('活动一：爱心支教\n1、活动时间：XX年11月5日~XX年12月1日')).toBe('--11-05..--12-01');
  });

  it('takes the year from the title, else from the issue date', () => {
    const titled = extractDrafts('2018年度接访活动工作方案\n（一）动员阶段（3月1日至3月5日）\n');
    expect(titled[0]?.year).toMatchObject({ year: 2018, from: 'title' });
    const issued = extractDrafts('接访活动方案\n（一）动员阶段（3月1日至3月5日）\n\n某镇中心小学\n2015年5月20日');
    expect(issued[0]?.year).toMatchObject({ year: 2015, from: 'issue-date' });
    expect(dateText(issued[0]!.phases[0]!.start)).toBe('2015-03-01');
  });

  it('does not read a single M.D as a date ("3.24结核病防治宣传日")', () => {
    expect(findDateExpressions('结合三八妇女节、3.24结核病防治宣传日')).toEqual([]);
  });
});
