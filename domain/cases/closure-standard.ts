import { ClosureReportSchema, FOLLOW_UP_OPINIONS, type ClosureReport } from './case-schema';

/**
 * 结案标准 (000 篇5): "凡不具备上述要件的,不能结案". A unit fixing a rejected report needs to hear about
 * every missing part at once, so the check walks the report part by part instead of stopping at the
 * first zod issue, and names each part in the words of the plan plus English.
 *
 * Law-related cases (涉法涉诉) "follow legal procedure" per the plan; the system has no model of that
 * procedure, so they meet the same standard here and the office judges the legal side on acceptance.
 */

export const CLOSURE_PARTS = {
  issueRaised: '信访人反映的问题 (issue raised by the petitioner)',
  investigation: '调查情况 (investigation)',
  handlingOpinion: '责任单位处理意见或复查意见 (handling opinion of the unit)',
  unitLeaderSignature: '责任单位领导签字 (signature of the unit leader)',
  handlerSignature: '具体办理责任人签字 (signature of the handler)',
  unitSeal: '加盖公章 (unit seal)',
  followUpOpinion: '信访人回访意见 (petitioner follow-up opinion)',
  petitionerSignature: '信访人签字 (petitioner signature on the follow-up opinion)',
  visitorReason: '回访人注明原因 (visitor recorded reason)',
} as const;

export type ClosurePart = keyof typeof CLOSURE_PARTS;

export interface MissingClosurePart {
  part: ClosurePart;
  message: string;
}

export type ClosureCheck = { ok: true; report: ClosureReport } | { ok: false; missing: MissingClosurePart[] };

type Loose = Record<string, unknown>;

function record(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

function missing(part: ClosurePart, why = 'is missing'): MissingClosurePart {
  return { part, message: `${CLOSURE_PARTS[part]} ${why}.` };
}

function followUpProblems(followUp: Loose): MissingClosurePart[] {
  const opinion = followUp.opinion;
  if (!FOLLOW_UP_OPINIONS.some((known) => known === opinion)) {
    return [
      missing('followUpOpinion', 'is missing: record whether the petitioner agrees, disagrees or refused to sign'),
    ];
  }
  const problems: MissingClosurePart[] = [];
  // A petitioner who agrees or writes "不同意" signs the opinion; only a refusal comes without one.
  if (opinion !== 'refused' && followUp.petitionerSigned !== true) {
    problems.push(
      missing('petitionerSignature', 'is missing: the petitioner must sign the opinion, or record a refusal'),
    );
  }
  if (opinion !== 'agree' && !hasText(followUp.visitorReason)) {
    const said = opinion === 'refused' ? 'refused to sign' : 'signed "disagree" (不同意)';
    problems.push(missing('visitorReason', `is missing: the petitioner ${said}, so the visitor must record why`));
  }
  return problems;
}

/** Checks a closure report against the closure standard; `report` is untrusted input. */
export function checkClosureReport(report: unknown): ClosureCheck {
  const r = record(report);
  const signatures = record(r.signatures);
  const problems: MissingClosurePart[] = [];
  if (!hasText(r.issueRaised)) problems.push(missing('issueRaised'));
  if (!hasText(r.investigation)) problems.push(missing('investigation'));
  if (!hasText(r.handlingOpinion)) problems.push(missing('handlingOpinion'));
  if (!hasText(signatures.unitLeader)) problems.push(missing('unitLeaderSignature'));
  if (!hasText(signatures.handler)) problems.push(missing('handlerSignature'));
  if (r.unitSealed !== true)
    problems.push(missing('unitSeal', 'is missing: the report must carry the seal of the unit'));
  problems.push(...followUpProblems(record(r.followUp)));
  if (problems.length > 0) return { ok: false, missing: problems };
  // Every part is present; the schema still trims text and drops unknown keys from what gets stored.
  const parsed = ClosureReportSchema.safeParse(report);
  if (!parsed.success) {
    return {
      ok: false,
      missing: [missing('followUpOpinion', `is malformed: ${parsed.error.issues[0]?.message ?? ''}`)],
    };
  }
  return { ok: true, report: parsed.data };
}

/** One sentence listing every missing part, for an error message or a returned notice. */
export function describeMissingParts(parts: MissingClosurePart[]): string {
  return `The closure report cannot be accepted (不能结案): ${parts.map((p) => p.message).join(' ')}`;
}
