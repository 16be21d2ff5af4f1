import type { Case, CaseFiling } from './case-schema';

/**
 * Recognising the same case twice. Offices re-send their ledger whenever new issues turn up
 * ("上报后再出现新发问题随时上报"), so a re-import must skip the rows already filed instead of
 * doubling them. Two keys identify a case:
 *  - its reference: the office's number (编号), or the ledger id that an export writes into that column;
 *  - its content: owning unit + petitioner + issue, normalised so spacing, full-width characters and
 *    punctuation typed differently in two spreadsheets still match.
 */

/** NFKC folds full-width letters and digits; the rest drops case, spaces and punctuation. */
export function normalizeKey(text: string): string {
  return asciiKey(text) ?? unicodeKey(text);
}

/**
 * The same key for printable ASCII (every id and most 编号), without Unicode normalisation or a
 * Unicode regex: in the workflow sandbox those cost ~40 µs a call, and an import checks its chunk
 * against an index of every case the unit holds (80,000 keys at 20,000 cases). In printable ASCII,
 * NFKC changes nothing and every character but a letter or digit is a space, punctuation or symbol.
 */
function asciiKey(text: string): string | undefined {
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return undefined;
    if (code >= 0x41 && code <= 0x5a) key += String.fromCharCode(code + 0x20);
    else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) key += text[i];
  }
  return key;
}

function unicodeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function caseFingerprint(filing: Pick<CaseFiling, 'owningUnit' | 'petitioner' | 'title'>): string {
  return [filing.owningUnit, filing.petitioner.name, filing.title].map(normalizeKey).join('|');
}

export interface DuplicateIndex {
  byRef: Map<string, string>;
  byFingerprint: Map<string, string>;
}

export function buildDuplicateIndex(cases: readonly Case[]): DuplicateIndex {
  const index: DuplicateIndex = { byRef: new Map(), byFingerprint: new Map() };
  for (const c of cases) addToIndex(index, c);
  return index;
}

export function addToIndex(index: DuplicateIndex, c: Pick<Case, 'id' | 'externalRef' | 'fingerprint'>): void {
  index.byRef.set(normalizeKey(c.id), c.id);
  if (c.externalRef !== undefined) index.byRef.set(normalizeKey(c.externalRef), c.id);
  index.byFingerprint.set(c.fingerprint, c.id);
}

/** The id of an already-filed case this filing repeats, if any. */
export function findDuplicate(index: DuplicateIndex, filing: CaseFiling): string | undefined {
  for (const ref of [filing.id, filing.externalRef]) {
    const hit = ref === undefined ? undefined : index.byRef.get(normalizeKey(ref));
    if (hit !== undefined) return hit;
  }
  return index.byFingerprint.get(caseFingerprint(filing));
}
