import type { DraftYear, PlanDraft } from './draft-model';
import { findOfficeSeat, findOrganiser, findTitle, findYear } from './extract-campaign';
import { findDeliverables, resolveDeliverables } from './extract-deliverables';
import { findLeaders, findUnits } from './extract-people';
import { findPhaseSpans, resolvePhases, type PhaseSpan } from './extract-phases';
import { findConsequences, findRecurring } from './extract-rules';
import { splitPlans, type PlanSegment } from './split-plans';
import { toLines } from './text-lines';

/**
 * A document's text to the drafts of the plans it holds: pure, so the same text always gives the
 * same drafts, and the CLI, the score script and the tests share it.
 */
export interface DraftOptions {
  /** --year: the year of dates the document writes without one. */
  year?: number;
}

/** A year written in a phase's window ("2012年3月5日前") is the plan's year, unless --year says otherwise. */
function yearWritten(spans: PhaseSpan[]): DraftYear | undefined {
  for (const span of spans) {
    const window = span.window;
    const mention =
      window?.kind === 'range' || window?.kind === 'open-range'
        ? window.start
        : window?.kind === 'before' || window?.kind === 'single'
          ? window.at
          : undefined;
    if (mention?.year !== undefined)
      return { year: mention.year, from: 'text', source: span.phase.windowSource ?? span.phase.source };
  }
  return undefined;
}

function draftPlan(segment: PlanSegment, index: number, options: DraftOptions): PlanDraft {
  const { lines } = segment;
  const title = findTitle(lines, segment.heading);
  const organiser = findOrganiser(lines);
  const office = findOfficeSeat(lines);
  const spans = findPhaseSpans(lines);
  const year = yearWritten(spans) ?? findYear(lines, title, options.year);
  const phases = resolvePhases(spans, lines, year.year);
  const { dated, undated } = findDeliverables(lines, spans);
  const deliverables = [...resolveDeliverables(dated, phases, year.year), ...undated].sort(
    (a, b) => a.source.line - b.source.line,
  );
  return {
    index,
    heading: segment.heading,
    firstLine: lines[0]?.number ?? 1,
    lastLine: lines[lines.length - 1]?.number ?? 1,
    title: title.title,
    ...(title.source ? { titleSource: title.source } : {}),
    ...(organiser.organiser ? { organiser: organiser.organiser, organiserSource: organiser.source } : {}),
    ...(office.seat ? { officeSeat: office.seat, officeSource: office.source } : {}),
    year,
    phases,
    deliverables,
    leaders: findLeaders(lines),
    units: findUnits(lines),
    recurring: findRecurring(lines),
    consequences: findConsequences(lines),
  };
}

export function extractDrafts(text: string, options: DraftOptions = {}): PlanDraft[] {
  return splitPlans(toLines(text)).map((segment, i) => draftPlan(segment, i + 1, options));
}
