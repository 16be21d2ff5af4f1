import { parseDocument, type Document } from 'yaml';
import { findPlaceholders } from '../../../domain/plan/placeholders';

/**
 * What the office does with a draft, for the tests: every placeholder gets a value (a year, a
 * name, an address, a date the person decides), the rest of the file stays as drafted.
 */
type Loose = { phases?: { window?: { start?: unknown; end?: unknown } }[] };

function valueFor(label: string, path: (string | number)[], plan: Loose, year: number, n: number): unknown {
  const monthDay = /\?\?\?\?(-\d{2}-\d{2})/u.exec(label);
  if (monthDay) return `${year}${monthDay[1]}`;
  if (label.includes('电子邮箱')) return `person-${n}@example.org`;
  if (label.includes('名单')) return `单位${n}`;
  if (label.includes('姓名') || label.includes('发文单位') || label.includes('名称')) return `填写人${n}`;
  if (label.includes('逾期')) return `${n}d`;
  if (label.includes('每月几日')) return 5;
  if (label.includes('多久') || label.includes('几天')) return '1w';
  const phase = typeof path[1] === 'number' ? path[1] : 0;
  const phases = plan.phases ?? [];
  const known = (value: unknown) => (typeof value === 'string' && /^\d{4}-/u.test(value) ? value : undefined);
  const own = phases[phase]?.window;
  if (path.includes('start')) return known(phases[phase - 1]?.window?.end) ?? known(own?.end) ?? `${year}-01-01`;
  if (path.includes('end')) return known(phases[phase + 1]?.window?.start) ?? known(own?.start) ?? `${year}-12-31`;
  return known(phases[phase]?.window?.end) ?? `${year}-12-31`;
}

export function fillPlaceholders(yaml: string, year: number): Document {
  const doc = parseDocument(yaml);
  // Years and names first, so a window side the document left open can lean on its neighbours.
  for (const round of [0, 1]) {
    const found = findPlaceholders(doc.toJS());
    found.forEach((spot, n) => {
      const isOpenDate = !/\?\?\?\?/u.test(spot.label) && /日期|时限/u.test(spot.label);
      if ((round === 0) === isOpenDate) return;
      doc.setIn(spot.path, valueFor(spot.label, spot.path, doc.toJS() as Loose, year, n + 1));
    });
  }
  return doc;
}
