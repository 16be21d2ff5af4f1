import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../domain/clock/time-units';
import { deliverableGrid } from '../../../domain/console/grid-colour';
import { casesChart } from '../../../service/console/chart';
import { html, trustedMarkup } from '../../../service/console/html';
import { pickLang } from '../../../service/console/i18n';
import { leaderPage } from '../../../service/console/pages/leader-page';
import { signInPage } from '../../../service/console/pages/sign-in-page';
import type { LeaderPageModel } from '../../../service/console/view-models';

const NOW = Date.UTC(2026, 3, 20, 2);
const HOSTILE = '<script>alert("x")</script>';

describe('the html tag', () => {
  it('escapes every interpolated value, in text and in attributes', () => {
    const page = html`<p title="${HOSTILE}">${HOSTILE}</p>`.text;
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('keeps markup made by the tag itself, and joins lists', () => {
    const items = ['a', '<b>'].map((x) => html`<li>${x}</li>`);
    expect(html`${items}`.text).toBe('<li>a</li><li>&lt;b&gt;</li>');
  });

  it('leaves out null, undefined and false', () => {
    expect(html`[${null}${undefined}${false}${0}]`.text).toBe('[0]');
  });

  it('lets through only what is named trusted', () => {
    expect(html`${trustedMarkup('<svg></svg>')}`.text).toBe('<svg></svg>');
  });
});

describe('language', () => {
  it('takes ?lang= over the cookie, and Chinese by default', () => {
    expect(pickLang('en', 'zh')).toBe('en');
    expect(pickLang(undefined, 'en')).toBe('en');
    expect(pickLang('fr', undefined)).toBe('zh');
  });
});

function model(): LeaderPageModel {
  const rows = [
    {
      key: 'list',
      deliverableId: 'list',
      phaseId: 'survey',
      title: `清单${HOSTILE}`,
      state: 'overdue' as const,
      dueMs: NOW - DAY_MS,
      escalationStep: 2,
    },
  ];
  return {
    campaignId: 'c1',
    glance: {
      campaignId: 'c1',
      title: `专项${HOSTILE}`,
      status: 'running',
      paused: false,
      rehearsal: false,
      timeZone: 'Asia/Shanghai',
      clock: { kind: 'live' } as never,
      asOfMs: NOW - 60_000,
      deadlines: [],
      units: 1,
      totals: { owed: 1, onTime: 0, late: 0, open: 1, overdue: 1, missing: 0 },
      accountabilityMarks: 0,
      overdue: { count: 1, units: 1, first: [] },
      cases: { filed: 4, open: 1, closed: 3, overdue: 0, closureRate: 0.75 },
      nowMs: NOW,
      ageMs: 60_000,
    },
    phases: [{ id: 'survey', name: '排查', status: 'open', startMs: NOW - 5 * DAY_MS, endMs: NOW + 5 * DAY_MS }],
    grid: deliverableGrid([{ unitId: 'town-a', unitName: `甲镇${HOSTILE}`, rows }], NOW),
    overdue: [],
    cases: [{ unitId: 'town-a', unitName: `甲镇${HOSTILE}`, filed: 4, open: 1, closed: 3, closureRate: 0.75 }],
    decidable: [{ id: 'survey', name: '排查' }],
    units: [{ id: 'town-a', name: '甲镇' }],
  };
}

describe('the leaders page', () => {
  const chrome = {
    lang: 'zh' as const,
    path: '/console/c/c1/leader',
    who: { principal: 'leader:head', campaignId: 'c1', csrfToken: 'tok' },
  };

  it('escapes what units and plans wrote, everywhere on the page', () => {
    expect(leaderPage(chrome, model()).text).not.toContain('<script>');
  });

  it("colours the grid, draws today's line in the middle, and says when the figures were published", () => {
    const page = leaderPage(chrome, model()).text;
    expect(page).toContain('data-colour="red"');
    expect(page).toContain('督办2');
    expect(page).toContain('left:50%');
    expect(page).toContain('数据发布于 2026-04-20 09:59');
  });

  it('puts the CSRF token in every form', () => {
    const page = leaderPage(chrome, model()).text;
    const forms = page.match(/<form/g)?.length ?? 0;
    expect(forms).toBe(3); // approve, return, sign out
    expect(page.match(/name="_csrf" value="tok"/g)?.length).toBe(forms);
  });

  it('speaks English when asked', () => {
    expect(leaderPage({ ...chrome, lang: 'en' }, model()).text).toContain('Reports by unit');
  });
});

describe('the cases chart', () => {
  it('is an SVG drawn on the server, with the units named and escaped', () => {
    const chart = casesChart(model().cases ?? [], 'zh').text;
    expect(chart).toContain('<svg');
    expect(chart).toContain('甲镇');
    expect(chart).not.toContain('<script>');
  });
});

describe('the sign-in page', () => {
  it('carries the pre-session CSRF token and takes a file or pasted text', () => {
    const page = signInPage({ lang: 'zh', path: '/sign-in' }, 'pre').text;
    expect(page).toContain('name="_csrf" value="pre"');
    expect(page).toContain('name="credentialFile"');
    expect(page).toContain('name="credential"');
  });
});
