import type { DraftPerson, DraftUnit, Source } from './draft-model';
import { sentenceAt, type TextLine } from './text-lines';

/**
 * The leading group and the units. Lists ("组长：尹夭如 副组长：吴高权 吴高文", often broken over
 * short lines) and sentences ("王红卫同志担任组长", "组长由党委副书记**担任",
 * "县委常委、常务副县长 同志任组长", whose name the document leaves blank).
 */
const HEAD_LIST = /(?<!副\s*)组\s*长\s*[:：]\s*(.*?)(?=(?:常务)?副\s*组\s*长|成\s*员|组\s*员|$)/u;
const DEPUTY_LIST = /副\s*组\s*长\s*[:：]\s*(.*?)(?=成\s*员|组\s*员|$)/u;
const MEMBER_LIST = /(?:成\s*员|组\s*员)\s*[:：]\s*(.*)$/u;
const HEAD_SENTENCE = /(?:^|[，,。；])([^，,。；]{1,30}?)(?:同志)?(?:担任|任)组长/u;
const HEAD_BY = /组长由([^，,。；]{1,20}?)担任/u;
const DEPUTY_SENTENCE = /(?:^|[，,。；])([^，,。；]{1,30}?)(?:同志)?(?:担任|任)(?:常务)?副组长/u;
const MEMBERS_SENTENCE = /(?:^|[，,。；])([^，,。；]{2,80}?)(?:主要领导)?(?:同志)?为成员/u;
const MEMBER_UNITS = /成员单位(?:包括|为|有)\s*[:：]?([^。；]{2,80})/u;
const MASK = /^(?:z{2,}|x{2,}|\*+|某+|_+)$/iu;
const TITLE_END = /(长|书记|主任|常委|委员|主席|校长|局长)$/u;
const ORG_END = /(委|院|局|办|所|镇|乡|校|部|会|科|室|站|中心|联)$/u;
const COLLECTIVE = /(?:县直)?各(?:乡镇|部门|单位|学校|村(?:（居）|\(居\))?|科室|校)/gu;

const HEADING_LIKE = /^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]|^\s*[（(][一二三四五六七八九十\d]+[）)]/u;

/** Short lines joined, so a list broken over lines ("组\n长：…\n吴高文") reads as one; a heading starts anew. */
function joinedLines(lines: TextLine[]): { norm: string; text: string; line: TextLine }[] {
  const out: { norm: string; text: string; line: TextLine }[] = [];
  let open: { norm: string; text: string; line: TextLine } | undefined;
  for (const line of lines) {
    const short = line.text.trim().length <= 24;
    if (open && short && !HEADING_LIKE.test(line.norm)) {
      open.norm += ` ${line.norm.trim()}`;
      open.text += ` ${line.text.trim()}`;
    } else {
      open = { norm: line.norm.trim(), text: line.text.trim(), line };
      out.push(open);
    }
    if (!short) open = undefined;
  }
  return out;
}

function person(role: DraftPerson['role'], raw: string, source: Source): DraftPerson {
  const cleaned = raw.replace(/同志$/u, '').trim();
  const titled = /^(.+?)[（(]([^）)]+)[）)]$/u.exec(cleaned);
  if (titled?.[1] && titled[2]) return { role, name: titled[1].trim(), title: titled[2].replace(/\s+/gu, ''), source };
  if (MASK.test(cleaned)) return { role, source };
  const masked = /^(.+?)(?:\*+|某+|x{2,}|X{2,})$/u.exec(cleaned);
  if (masked?.[1]) return { role, title: masked[1], source };
  if (TITLE_END.test(cleaned) || cleaned.length > 6) return { role, title: cleaned, source };
  return { role, name: cleaned, source };
}

const NAME_OR_MASK = /^(?:[\p{Script=Han}·]{2,4}|[\p{Script=Han}]{1,10}\*+|z{2,}|x{2,}|\*+)$/iu;

function names(list: string): string[] {
  const joined = list.replace(/[（(][^）)]*[）)]/gu, (inside) => inside.replace(/\s+/gu, ''));
  return joined
    .split(/[\s、，,和及]+/u)
    .map((item) => item.replace(/同志$/u, '').trim())
    .filter((item) => NAME_OR_MASK.test(item.replace(/[（(][^）)]*[）)]$/u, '')));
}

/** "县委常委、常务副县长 同志任组长": a title, and a blank where the name goes. */
function blankNamed(capture: string, norm: string, sentence: RegExp): boolean {
  return /\s$/u.test(capture) && sentence.test(norm);
}

function rolesIn(norm: string, source: Source, hasHead: boolean): DraftPerson[] {
  const found: DraftPerson[] = [];
  const head = hasHead ? null : (HEAD_LIST.exec(norm) ?? HEAD_BY.exec(norm) ?? HEAD_SENTENCE.exec(norm));
  if (head?.[1]) {
    const raw = head[1].replace(/^由/u, '');
    if (blankNamed(raw, norm, HEAD_SENTENCE)) found.push({ role: 'head', title: raw.trim(), source });
    else
      found.push(
        ...names(raw)
          .slice(0, 1)
          .map((name) => person('head', name, source)),
      );
  }
  const deputy = DEPUTY_LIST.exec(norm) ?? DEPUTY_SENTENCE.exec(norm);
  if (deputy?.[1]) {
    if (blankNamed(deputy[1], norm, DEPUTY_SENTENCE)) found.push({ role: 'deputy', title: deputy[1].trim(), source });
    else found.push(...names(deputy[1]).map((name) => person('deputy', name, source)));
  }
  const members = MEMBER_LIST.exec(norm) ?? MEMBERS_SENTENCE.exec(norm);
  const people = members?.[1] ? names(members[1]).filter((raw) => !ORG_END.test(raw)) : [];
  found.push(...people.map((raw) => person('member', raw, source)));
  return found;
}

/** Names and titles as the document writes them (the rules matched the normalised text, 於 read as 于). */
function asWritten(person: DraftPerson, norm: string, text: string): DraftPerson {
  const back = (value: string | undefined) => {
    const at = value === undefined ? -1 : norm.indexOf(value);
    return at < 0 || value === undefined ? value : text.slice(at, at + value.length);
  };
  const name = back(person.name);
  const title = back(person.title);
  return { ...person, ...(name ? { name } : {}), ...(title ? { title } : {}) };
}

/** The first leading group: its head, deputies and members, until a second group's head. */
export function findLeaders(lines: TextLine[]): DraftPerson[] {
  const found: DraftPerson[] = [];
  for (const { norm, text, line } of joinedLines(lines)) {
    const hasHead = found.some((p) => p.role === 'head');
    if (hasHead && HEAD_LIST.test(norm)) break;
    found.push(...rolesIn(norm, sentenceAt(line), hasHead).map((p) => asWritten(p, norm, text)));
  }
  return found;
}

export function findUnits(lines: TextLine[]): DraftUnit[] {
  const units: DraftUnit[] = [];
  const named = new Set<string>();
  for (const line of lines) {
    const listed = MEMBER_UNITS.exec(line.norm) ?? MEMBERS_SENTENCE.exec(line.norm);
    if (!listed?.[1]) continue;
    for (const item of listed[1].split(/[、，,和及]+/u).map((s) => s.replace(/主要领导$/u, '').trim())) {
      if (item.startsWith('各') || !ORG_END.test(item) || item.length > 12 || named.has(item)) continue;
      named.add(item);
      units.push({ name: item, source: sentenceAt(line, line.norm.indexOf(item)) });
    }
  }
  return [...units, ...collectives(lines)];
}

/** "各乡镇、各部门": units the document names only as a kind; the two most written ones. */
function collectives(lines: TextLine[]): DraftUnit[] {
  const seen = new Map<string, { count: number; source: Source }>();
  for (const line of lines) {
    for (const match of line.norm.matchAll(COLLECTIVE)) {
      const entry = seen.get(match[0]) ?? { count: 0, source: sentenceAt(line, match.index) };
      entry.count++;
      seen.set(match[0], entry);
    }
  }
  return [...seen.entries()]
    .filter(([, entry]) => entry.count >= 2)
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, 2)
    .map(([collective, entry]) => ({ collective, source: entry.source }));
}
