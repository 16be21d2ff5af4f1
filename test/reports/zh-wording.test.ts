import { describe, expect, it } from 'vitest';
import { compileCampaignReport } from '../../activities/reports';
import { renderNotification } from '../../activities/notify/templates';
import type { NotificationBody } from '../../domain/notifications/notification';
import { office, requestFor, sampleBodies, unitHead } from '../notify/fixtures';

/**
 * Every string in a zh report or mail comes from the zh templates. What is left once the data's own
 * ASCII values (addresses, ids, file names, references) are taken out must hold no English word.
 */
const DATA_VALUES = [
  /<style[\s\S]*?<\/style>/g, // the stylesheet
  /<head[\s\S]*?<\/head>/g,
  /[\w.+-]+@[\w.-]+/g, // e-mail addresses
  /sha256:[0-9a-f]+/g,
  /[\w-]+\.(html|md|csv|xlsx)/g,
  /https?:\/\/\S+/g,
  /<[^>]+>/g, // HTML tags and attributes
  /&[a-z]+;/g, // HTML entities
];

function englishWords(text: string, allowed: string[]): string[] {
  let rest = text;
  for (const pattern of DATA_VALUES) rest = rest.replace(pattern, ' ');
  for (const value of allowed) rest = rest.split(value).join(' ');
  return [...new Set(rest.match(/[A-Za-z]{2,}/g) ?? [])];
}

const kinds = Object.keys(sampleBodies) as Array<NotificationBody['kind']>;

describe('a zh mail', () => {
  it.each(kinds)('of kind %s holds no English word', (kind) => {
    for (const recipient of [unitHead, office]) {
      const message = renderNotification(requestFor(sampleBodies[kind]), recipient);
      // Ids and references are data: the case id of a handed-over reception matter, a unit's id.
      const allowed = ['town-a', 'member-list', 'mobilize', 'C-007', 'bureau-reception-20261008-2'];
      expect(englishWords(`${message.subject}\n${message.text}`, allowed)).toEqual([]);
      expect(englishWords(message.html, allowed)).toEqual([]);
    }
  });
});

describe('a zh report', () => {
  it('holds no English word, escalation steps and accountability included', () => {
    const report = compileCampaignReport({
      campaignId: 'petition-2026',
      campaignTitle: '查隐患、清积案、净环境',
      rehearsal: true,
      timeZone: 'Asia/Shanghai',
      generatedAt: '2026-07-31T10:00:00Z',
      phases: [
        {
          phaseId: 'mobilize',
          phaseName: '宣传发动',
          rows: [
            {
              unitId: 'town-a',
              unitName: '城关镇',
              deliverableId: 'members',
              deliverableTitle: '工作小组成员名单',
              state: 'missing',
              dueAt: '2026-04-14T10:00:00Z',
              lateByMs: 5 * 86_400_000,
            },
          ],
        },
      ],
      escalations: [
        {
          at: '2026-04-16T01:00:00Z',
          unitName: '城关镇',
          phaseName: '宣传发动',
          deliverableTitle: '工作小组成员名单',
          step: 4,
          publicNotice: true,
          accountability: true,
        },
      ],
      accountabilityMarks: [
        {
          unitId: 'town-a',
          unitName: '城关镇',
          deliverableTitle: '工作小组成员名单',
          step: 4,
          at: '2026-04-16T01:00:00Z',
        },
      ],
      decisions: [
        {
          phaseName: '宣传发动',
          kind: 'returned',
          by: '王组长',
          text: '名单不全',
          units: ['城关镇'],
          newDueAt: '2026-04-16T10:00:00Z',
        },
        { phaseName: '宣传发动', kind: 'approved', by: '王组长', at: '2026-04-17T02:00:00Z' },
      ],
      ledger: { total: 3, closed: 1, open: 2, overdue: 1, byCategory: [{ category: '涉法涉诉', total: 3, closed: 1 }] },
    });
    const allowed = ['town-a', 'Asia/Shanghai'];
    expect(englishWords(report.markdown, allowed)).toEqual([]);
    expect(englishWords(report.html, allowed)).toEqual([]);
    expect(englishWords(report.csv, allowed)).toEqual([]);
    expect(report.markdown).toContain('城关镇: 工作小组成员名单：第4级督办');
  });

  it('of a reissued phase holds no English word, and neither does its mail', () => {
    const report = compileCampaignReport({
      campaignId: 'petition-2026',
      campaignTitle: '查隐患、清积案、净环境',
      rehearsal: false,
      timeZone: 'Asia/Shanghai',
      scope: 'phase',
      revision: 2,
      generatedAt: '2026-07-31T10:00:00Z',
      phases: [{ phaseId: 'mobilize', phaseName: '宣传发动', rows: [] }],
    });
    expect(englishWords(report.markdown, ['Asia/Shanghai'])).toEqual([]);
    const mail = renderNotification(requestFor({ ...sampleBodies.report_ready, revision: 2 }), office);
    expect(englishWords(`${mail.subject}\n${mail.text}`, [])).toEqual([]);
  });
});
