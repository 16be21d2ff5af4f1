import type { AssessmentModel, ItemModel } from './assessment-model';
import { parseScore, type Decimal } from './decimal';

/**
 * A sheet of scores (assessor, unit, item, score), checked row by row against the plan: the
 * assessor is one of the item's assessors, the unit is an entrant, the item is scored by people,
 * the score lies in the item's range. A sheet may name assessors, entrants and items by id or by
 * name (评委一, 一(1)班, 伴奏). A second score for the same assessor, unit and item replaces the
 * first, and both are kept and reported, so nothing is lost silently.
 */

export interface ScoreRow {
  /** The row as the clerk sees it (1 = the header). */
  row: number;
  assessor: string;
  unit: string;
  item: string;
  score: string;
}

export interface AcceptedScore {
  row: number;
  assessor: string;
  entrant: string;
  item: string;
  score: Decimal;
}

export interface ScoreIssue {
  severity: 'error' | 'warning';
  code: string;
  row?: number;
  message: string;
}

export interface ScoreSheet {
  /** The scores that count, keyed `entrant/item/assessor`. */
  scores: Map<string, AcceptedScore>;
  /** Scores that a later row replaced. */
  replaced: AcceptedScore[];
  issues: ScoreIssue[];
}

export const scoreKey = (entrant: string, item: string, assessor: string): string => `${entrant}/${item}/${assessor}`;

function finder(pairs: [string, string][]): (text: string) => string | undefined {
  const byId = new Map(pairs.map(([id]) => [id, id]));
  const byName = new Map(pairs.map(([id, name]) => [name, id]));
  return (text) => byId.get(text.trim()) ?? byName.get(text.trim());
}

export type ScoreCheck = { ok: true; score: AcceptedScore } | { ok: false; issue: ScoreIssue };

/** One score against the plan; the same rule for a sheet row and for a score sent to a running campaign. */
export function checkScore(model: AssessmentModel, row: ScoreRow): ScoreCheck {
  const fail = (code: string, message: string): ScoreCheck => ({
    ok: false,
    issue: { severity: 'error', code, row: row.row, message },
  });
  const assessor = finder([...model.assessors])(row.assessor);
  if (!assessor) return fail('unknown_assessor', `"${row.assessor}" is neither a leader nor on the assessment panel`);
  const entrant = finder(model.entrants.map((e) => [e.id, e.name]))(row.unit);
  if (!entrant) return fail('unknown_unit', `"${row.unit}" is not one of the units assessed`);
  const item: ItemModel | undefined = model.items.find((i) => i.id === row.item.trim() || i.name === row.item.trim());
  if (!item) return fail('unknown_item', `"${row.item}" is not an assessment item`);
  if (item.computed)
    return fail('computed_item', `${item.name} is computed from the campaign's facts; nobody scores it`);
  if (!item.assessors.includes(assessor)) {
    return fail('not_an_assessor', `${model.assessors.get(assessor) ?? assessor} does not score ${item.name}`);
  }
  const score = parseScore(row.score);
  if (!score) return fail('not_a_number', `the score "${row.score}" is not a number`);
  if (score.gt(item.max)) {
    return fail(
      'score_out_of_range',
      `${score.toString()} is out of range: ${item.name} is scored from 0 to ${item.max.toString()}`,
    );
  }
  return { ok: true, score: { row: row.row, assessor, entrant, item: item.id, score } };
}

export function readScoreSheet(model: AssessmentModel, rows: readonly ScoreRow[]): ScoreSheet {
  const sheet: ScoreSheet = { scores: new Map(), replaced: [], issues: [] };
  for (const row of rows) {
    const checked = checkScore(model, row);
    if (!checked.ok) {
      sheet.issues.push(checked.issue);
      continue;
    }
    const key = scoreKey(checked.score.entrant, checked.score.item, checked.score.assessor);
    const earlier = sheet.scores.get(key);
    if (earlier) {
      sheet.replaced.push(earlier);
      const message = `replaces row ${earlier.row} (${earlier.score.toString()} → ${checked.score.score.toString()}) for the same assessor, unit and item: the later score counts`;
      sheet.issues.push({ severity: 'warning', code: 'duplicate_score', row: row.row, message });
    }
    sheet.scores.set(key, checked.score);
  }
  return sheet;
}
