import { describe, expect, it } from 'vitest';
import { CN_MAINLAND, presetDays } from '../../../domain/calendar/cn-mainland';
import { addDays, weekdayOf } from '../../../domain/calendar/local-time';
import { isDayOff } from '../../../domain/calendar/working-days';
import { HolidayCalendarSchema } from '../../../domain/plan/schema';

/**
 * Each year's arrangement as the State Council General Office's notice words it (国务院办公厅关于
 * 部分节假日安排的通知, the paragraphs listing the holidays). The test reads the dates out of the
 * wording, so the data file and the notice are two independent writings of the same facts.
 */
const NOTICES: Record<number, string> = {
  2021: `一、元旦：1月1日至3日放假，共3天。二、春节：2月11日至17日放假调休，共7天。2月7日（星期日）、2月20日（星期六）上班。
三、清明节：4月3日至5日放假调休，共3天。四、劳动节：5月1日至5日放假调休，共5天。4月25日（星期日）、5月8日（星期六）上班。
五、端午节：6月12日至14日放假，共3天。六、中秋节：9月19日至21日放假调休，共3天。9月18日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月26日（星期日）、10月9日（星期六）上班。`,
  2022: `一、元旦：2022年1月1日至3日放假，共3天。二、春节：1月31日至2月6日放假调休，共7天。1月29日（星期六）、1月30日（星期日）上班。
三、清明节：4月3日至5日放假调休，共3天。4月2日（星期六）上班。四、劳动节：4月30日至5月4日放假调休，共5天。4月24日（星期日）、5月7日（星期六）上班。
五、端午节：6月3日至5日放假，共3天。六、中秋节：9月10日至12日放假，共3天。
七、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。`,
  2023: `一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
三、清明节：4月5日放假，共1天。四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
五、端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。
六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。`,
  2024: `一、元旦：1月1日放假，与周末连休。二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。`,
  2025: `一、元旦：1月1日（周三）放假1天，不调休。二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`,
  2026: `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`,
};

const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;

/** Reads the days off and make-up workdays out of a notice's wording. */
function readNotice(year: number, text: string): { daysOff: string[]; workdays: string[] } {
  const daysOff: string[] = [];
  const workdays: string[] = [];
  for (const sentence of text.split(/[。\n]/)) {
    let y = year;
    let m = 0;
    const dates = [...sentence.matchAll(DATE)].map(([, yy, mm, dd]) => {
      if (yy) y = Number(yy);
      if (mm) m = Number(mm);
      return `${y}-${String(m).padStart(2, '0')}-${String(Number(dd)).padStart(2, '0')}`;
    });
    if (sentence.includes('上班')) workdays.push(...dates);
    else if (sentence.includes('放假') && dates.length > 0) {
      const first = dates[0]!;
      const last = sentence.includes('至') ? dates[1]! : first;
      for (let date = first; date <= last; date = addDays(date, 1)) daysOff.push(date);
    }
  }
  return { daysOff, workdays };
}

function presetYear(year: number): { daysOff: string[]; workdays: string[] } {
  const published = CN_MAINLAND[year]!;
  const daysOff: string[] = [];
  for (const [first, last] of published.daysOff) for (let d = first; d <= last; d = addDays(d, 1)) daysOff.push(d);
  return { daysOff, workdays: [...published.workdays] };
}

describe('the cn-mainland calendar preset', () => {
  it('covers exactly the years whose notices are checked here', () => {
    expect(Object.keys(CN_MAINLAND).map(Number)).toEqual(Object.keys(NOTICES).map(Number));
  });

  it.each(Object.keys(NOTICES).map(Number))('holds the days of the %i notice', (year) => {
    const notice = readNotice(year, NOTICES[year]!);
    const preset = presetYear(year);
    expect(preset.daysOff.sort()).toEqual(notice.daysOff.sort());
    expect(preset.workdays.sort()).toEqual(notice.workdays.sort());
    // A make-up workday is always a weekend day; a listed day off never is a make-up workday.
    for (const date of preset.workdays) expect(weekdayOf(date)).toBeGreaterThanOrEqual(6);
    expect(CN_MAINLAND[year]!.source).toContain(`${year}年部分节假日安排`);
  });

  it('makes the National Day holiday a day off and a make-up Saturday a working day', () => {
    const calendar = HolidayCalendarSchema.parse({ preset: 'cn-mainland' });
    expect(isDayOff('2026-10-05', calendar)).toBe(true);
    expect(!isDayOff('2026-10-10', calendar)).toBe(true);
    expect(!isDayOff('2026-10-09', calendar)).toBe(true);
    expect(isDayOff('2026-10-11', calendar)).toBe(true);
  });

  it("lets a plan's own days win and drop preset days with except", () => {
    const calendar = HolidayCalendarSchema.parse({
      preset: 'cn-mainland',
      daysOff: ['2026-10-10'],
      workdays: ['2026-10-07'],
      except: ['2026-10-06', '2026-09-20'],
    });
    expect(isDayOff('2026-10-10', calendar)).toBe(true);
    expect(!isDayOff('2026-10-07', calendar)).toBe(true);
    expect(!isDayOff('2026-10-06', calendar)).toBe(true);
    expect(isDayOff('2026-09-20', calendar)).toBe(true); // a Sunday again once its make-up duty is dropped
    expect(presetDays('cn-mainland').years).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
  });
});
