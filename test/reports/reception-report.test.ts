import { describe, expect, it } from 'vitest';
import { renderNotification } from '../../activities/notify/templates';
import { compileCampaignReport, type CampaignReportInputData } from '../../activities/reports';
import { office, requestFor, sampleBodies } from '../notify/fixtures';

const counts = (from: string, to: string, held: number, missed: number, suspended = 0) => ({
  from,
  to,
  scheduled: held + missed + suspended,
  held,
  missed,
  substituted: 0,
  suspended,
  visitors: held,
  answeredOnSpot: held,
  handedOver: 0,
  casesFiled: 0,
});

const snapshot = (receptions: CampaignReportInputData['receptions']): CampaignReportInputData => ({
  campaignId: 'edu-reception-2026',
  campaignTitle: '信访工作',
  rehearsal: false,
  timeZone: 'Asia/Shanghai',
  generatedAt: '2026-02-02T02:00:00Z',
  phases: [],
  receptions,
});

describe('reception days in the campaign report', () => {
  const report = compileCampaignReport(
    snapshot([
      {
        programmeId: 'bureau-reception',
        programmeName: '局领导信访接待日',
        total: counts('2026-01-01', '2026-02-02', 1, 0, 1),
        months: [counts('2026-01-01', '2026-01-31', 1, 0, 1)],
        weeks: [counts('2025-12-29', '2026-01-04', 1, 0), counts('2026-01-12', '2026-01-18', 0, 0, 1)],
      },
    ]),
  );

  it('shows the monthly notices and the weekly summaries as tables of counts, in Chinese', () => {
    expect(report.markdown).toContain('## 领导接访日');
    expect(report.markdown).toContain('### 局领导信访接待日：每月通报');
    expect(report.markdown).toContain('| 2026-01-01至2026-01-31 | 2 | 1 | 0 | 0 | 1 | 1 | 1 | 0 | 0 |');
    expect(report.markdown).toContain('### 局领导信访接待日：每周汇总');
    expect(report.markdown).toContain('| 2026-01-12至2026-01-18 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 |');
    expect(report.markdown).toContain('截至2026-02-02：应接访2次，已接访1次，缺岗0次，补位0次，暂停1次');
    expect(report.html).toContain('<td>2026-01-01至2026-01-31</td>');
    const outside = report.markdown.replace(/\d{4}-\d{2}-\d{2}|Asia\/Shanghai/g, ' ');
    expect(outside.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
  });

  it('writes the same rows as a CSV of their own, and none for a campaign without receptions', () => {
    expect(report.receptionsCsv?.split('\r\n')[0] ?? report.receptionsCsv?.split('\n')[0]).toContain(
      '接访安排,类型,期间',
    );
    expect(report.receptionsCsv).toContain('局领导信访接待日,每月通报,2026-01-01至2026-01-31,2,1,0,0,1,1,1,0,0');
    expect(report.receptionsCsv).toContain('局领导信访接待日,每周汇总,2025-12-29至2026-01-04,1,1,0,0,0,1,1,0,0');
    expect(compileCampaignReport(snapshot([])).receptionsCsv).toBeUndefined();
    expect(compileCampaignReport(snapshot([])).markdown).not.toContain('领导接访日');
  });
});

describe('a summary mail of a paused programme', () => {
  it('names the suspended receptions (暂停) only when there are some', () => {
    const body = sampleBodies.reception_summary;
    if (body.kind !== 'reception_summary') throw new Error('the fixture is a summary');
    const paused = renderNotification(requestFor(body), office);
    expect(paused.text).toMatch(/暂停\s*[:：]?\s*1/);
    const none = renderNotification(requestFor({ ...body, counts: { ...body.counts, suspended: 0 } }), office);
    expect(none.text).not.toContain('暂停');
  });
});
