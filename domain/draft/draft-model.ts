/**
 * What `campaign draft` found in one plan of a document, before it becomes plan YAML. Every
 * element keeps the sentence it came from and its line, so the draft can quote its source and a
 * person can check it; what the document does not give is `undefined` (or a date of kind
 * 'unknown'), which becomes a placeholder (待填), never an invented value.
 */
export interface Source {
  /** 1-based line in the document's text. */
  line: number;
  sentence: string;
}

/** A date as far as the document gives it: whole, without its year, or not at all (and why). */
export type DraftDate =
  { kind: 'date'; iso: string } | { kind: 'no-year'; monthDay: string } | { kind: 'unknown'; why: string };

export type YearOrigin = 'text' | 'title' | 'issue-date' | 'option' | 'none';

export interface DraftYear {
  year?: number;
  from: YearOrigin;
  source?: Source;
}

export interface DraftPhase {
  name: string;
  start: DraftDate;
  end: DraftDate;
  source: Source;
  /** Last line of the phase's section (its heading to the next phase or section). */
  lastLine: number;
  /** The window's own words when they are not on the heading line ("时间: 4月15日-5月14日"). */
  windowSource?: Source;
}

export type DeliverableKind = 'member-list' | 'case-ledger' | 'summary' | 'progress' | 'document';

export interface DraftDeliverable {
  title: string;
  due: DraftDate;
  kind: DeliverableKind;
  recipient?: string;
  /** Index of the phase it belongs to, by where it is written or, outside every phase, by its date. */
  phase?: number;
  source: Source;
}

export interface DraftPerson {
  role: 'head' | 'deputy' | 'member';
  name?: string;
  title?: string;
  source: Source;
}

export interface DraftUnit {
  /** A named unit (县公安局), or undefined for a collective one given only as "各乡镇". */
  name?: string;
  collective?: string;
  source: Source;
}

export interface DraftRecurring {
  what: string;
  every: 'week' | 'month' | 'unknown';
  /** 1 (Monday) … 7 (Sunday) for "每周五前". */
  weekday?: number;
  /** For "每月5日前". */
  dayOfMonth?: number;
  source: Source;
}

export type ConsequenceKind = 'public-notice' | 'accountability' | 'veto' | 'admonition';

export interface DraftConsequence {
  kind: ConsequenceKind;
  words: string;
  source: Source;
}

export interface PlanDraft {
  /** 1-based position among the plans of the document. */
  index: number;
  heading: string;
  firstLine: number;
  lastLine: number;
  title: string;
  titleSource?: Source;
  organiser?: string;
  organiserSource?: Source;
  year: DraftYear;
  officeSeat?: string;
  officeSource?: Source;
  phases: DraftPhase[];
  deliverables: DraftDeliverable[];
  leaders: DraftPerson[];
  units: DraftUnit[];
  recurring: DraftRecurring[];
  consequences: DraftConsequence[];
}
