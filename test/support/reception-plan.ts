import fs from 'node:fs';
import path from 'node:path';
import { addDays } from '../../domain/calendar/local-time';

/**
 * A live receptions-only plan around `today`: every day a working day, liu and chen in turn from
 * yesterday (liu yesterday, chen today, liu tomorrow, …), wang a deputy who can stand in, one unit.
 * Written to `dir`, its path returned.
 */
export function writeDailyReceptionPlan(
  dir: string,
  id: string,
  today: string,
  hours: { start: string; end: string } = { start: '08:30', end: '17:30' },
): string {
  const file = path.join(dir, 'receptions.yaml');
  fs.writeFileSync(
    file,
    [
      `campaign: { id: ${id}, title: 接访演练, organiser: 区教育局, calendar: { weekendsOff: false } }`,
      'leadingGroup:',
      '  head: { id: liu, name: 刘建国, title: 局长, email: liu@example.org }',
      '  deputies: [{ id: chen, name: 陈立华, email: chen@example.org }, { id: wang, name: 王海燕, title: 副局长, email: wang@example.org }]',
      'office: { id: office, name: 信访办, email: office@example.org }',
      'units: [{ id: school, name: 一中, head: { name: 马丽 }, contact: { name: 何军, email: he@example.org } }]',
      'receptions:',
      '  - id: daily',
      '    name: 领导接待日',
      `    from: ${addDays(today, -1)}`,
      `    to: ${addDays(today, 10)}`,
      '    rule: { kind: working-days }',
      '    place: 会议室',
      `    hours: { start: '${hours.start}', end: '${hours.end}' }`,
      '    rota: { inTurn: [liu, chen] }',
    ].join('\n'),
  );
  return file;
}
