import type { PlanDraft } from './draft-model';
import { dateText } from './resolve-date';

/** What a draft found and what it leaves to a person: one view model for the terminal and --json. */
export interface DraftSummary {
  plan: number;
  title: string;
  year: { year?: number; from: string };
  phases: { name: string; start?: string; end?: string; line: number }[];
  deliverables: { title: string; due?: string; line: number }[];
  units: string[];
  leaders: { role: string; name?: string; title?: string }[];
  recurring: string[];
  consequences: string[];
  toFill: number;
}

export function summarizeDraft(draft: PlanDraft, toFill: number): DraftSummary {
  return {
    plan: draft.index,
    title: draft.title,
    year: { ...(draft.year.year ? { year: draft.year.year } : {}), from: draft.year.from },
    phases: draft.phases.map((p) => ({
      name: p.name,
      start: dateText(p.start),
      end: dateText(p.end),
      line: p.source.line,
    })),
    deliverables: draft.deliverables.map((d) => ({ title: d.title, due: dateText(d.due), line: d.source.line })),
    units: draft.units.map((u) => u.name ?? `${u.collective ?? ''}（名单待填）`),
    leaders: draft.leaders.map((l) => ({
      role: l.role,
      ...(l.name ? { name: l.name } : {}),
      ...(l.title ? { title: l.title } : {}),
    })),
    recurring: draft.recurring.map((r) => r.what),
    consequences: draft.consequences.map((c) => c.words),
    toFill,
  };
}
