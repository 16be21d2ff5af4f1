import { findDateExpressions } from './chinese-dates';
import type { DraftYear, Source } from './draft-model';
import { sentenceAt, type TextLine } from './text-lines';

/** The plan's title, who issues it, its year and where its office sits. */

const QUOTED_ACTIVITY = /开展(“[^”]{1,40}”[^，,。；“]{0,24}?(?:活动|行动|治理|教育|工作))/u;
const TITLE_YEAR = /((?:19|20)\d{2})(?=年|“|—|-|\D)/u;
const ORGANISER = /经([^，,。；“”]{2,24}?)(?:研究)?决定/u;
const OFFICE_SEAT = /办公室设在([^，,。；]{2,20})/u;
const SIGNATURE_DATE = /^(.{0,30}?)\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/u;

const TITLE_LINE = /方案|计划/u;
const NOT_TITLE = /第\s*\d+\s*页|[。，,]/u;

/** A title broken over two lines ("关于开展“…大化解、信访秩序" / "大整治”活动的实施方案") is joined. */
function titleLine(lines: TextLine[], k: number): { title: string; source: Source } | undefined {
  const line = lines[k] as TextLine;
  const text = line.text.trim().replace(/\.docx?$/u, '');
  if (text.length < 6 || text.length > 60 || !TITLE_LINE.test(line.norm) || NOT_TITLE.test(text)) return undefined;
  const previous = lines[k - 1]?.text.trim() ?? '';
  const opened = (s: string, mark: string) => s.split(mark).length - 1;
  const title = opened(text, '”') > opened(text, '“') && previous.includes('“') ? `${previous}${text}` : text;
  return { title, source: { line: line.number, sentence: title } };
}

export function findTitle(lines: TextLine[], heading: string): { title: string; source?: Source } {
  for (let k = 0; k < Math.min(lines.length, 6); k++) {
    if (lines[k]?.text.trim() === heading && /篇|方案\s*\d/u.test(heading)) continue;
    const found = titleLine(lines, k);
    if (found) return found;
  }
  for (const line of lines) {
    const match = QUOTED_ACTIVITY.exec(line.norm);
    if (match?.[1]) {
      const at = match.index + 2;
      return { title: line.text.slice(at, at + match[1].length), source: sentenceAt(line, at) };
    }
  }
  const title = heading.replace(/^第[一二三四五六七八九十]+篇\s*[:：]/u, '').trim() || heading;
  return { title, source: lines[0] ? { line: lines[0].number, sentence: lines[0].text.trim() } : undefined };
}

/** The last dated signature ("两亭镇中心小学党支部 2015年5月20日"), with who signed when given. */
function signature(lines: TextLine[]): { year: number; signer?: string; source: Source } | undefined {
  const tail = lines.slice(-8).reverse();
  for (const [k, line] of tail.entries()) {
    const match = SIGNATURE_DATE.exec(line.norm.trim());
    if (!match) continue;
    const own = line.text
      .trim()
      .slice(0, match[1]?.length ?? 0)
      .trim();
    const above = tail[k + 1]?.text.trim() ?? '';
    const signer = own || (above.length > 0 && above.length <= 30 && !/[。，,：:]/u.test(above) ? above : undefined);
    return { year: Number(match[2]), signer, source: { line: line.number, sentence: line.text.trim() } };
  }
  return undefined;
}

export function findOrganiser(lines: TextLine[]): { organiser?: string; source?: Source } {
  for (const line of lines) {
    const match = ORGANISER.exec(line.norm);
    if (match?.[1] && !/^[会议研究]/u.test(match[1])) {
      const at = match.index + 1;
      return { organiser: line.text.slice(at, at + match[1].length), source: sentenceAt(line, match.index) };
    }
  }
  const signed = signature(lines);
  return signed?.signer ? { organiser: signed.signer, source: signed.source } : {};
}

/** The year: --year, else the title's, else the issue date's; none when the document does not say. */
export function findYear(lines: TextLine[], title: { title: string; source?: Source }, option?: number): DraftYear {
  if (option !== undefined) return { year: option, from: 'option' };
  const titled = TITLE_YEAR.exec(title.title);
  if (titled?.[1]) return { year: Number(titled[1]), from: 'title', source: title.source };
  const signed = signature(lines);
  if (signed) return { year: signed.year, from: 'issue-date', source: signed.source };
  return { from: 'none' };
}

export function findOfficeSeat(lines: TextLine[]): { seat?: string; source?: Source } {
  for (const line of lines) {
    const match = OFFICE_SEAT.exec(line.norm);
    if (match?.[1]) {
      const at = match.index + 5;
      return { seat: line.text.slice(at, at + match[1].length), source: sentenceAt(line, match.index) };
    }
  }
  return {};
}

/** Whether any date at all is written in these lines (a document with none cannot be a plan). */
export function hasDates(lines: TextLine[]): boolean {
  return lines.some((line) => findDateExpressions(line.norm).length > 0);
}
