import { z } from 'zod';
import type { ReportKindDefinition } from '../plan/schema';

/**
 * A unit's report as it travels in a submission. File contents never travel: they sit in the
 * report store and only their content-hash references go into workflow history.
 */
export const AttachmentRefSchema = z.object({
  name: z.string().min(1).max(255),
  ref: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'a report-store reference looks like "sha256:<64 hex digits>"'),
  size: z.number().int().nonnegative(),
  mediaType: z.string().min(1),
});

export const MemberSchema = z.object({
  name: z.string().min(1).max(100),
  role: z.string().max(100).optional(),
  phone: z.string().max(40).optional(),
});

/** Text is capped so a submission stays far below Temporal's payload limit; long documents go as files. */
export const ReportSchema = z.object({
  text: z.string().max(20_000).optional(),
  members: z.array(MemberSchema).max(500).optional(),
  fields: z.record(z.string(), z.union([z.string().max(2_000), z.number()])).optional(),
  attachments: z.array(AttachmentRefSchema).max(20).optional(),
});
export type Report = z.infer<typeof ReportSchema>;
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

export interface ReportProblem {
  path: (string | number)[];
  message: string;
}

const nonEmpty = (text: string | undefined) => text !== undefined && text.trim().length > 0;

/** What each kind of report must contain; a plan may define further kinds in `reportKinds`. */
export function checkReportKind(
  kind: string,
  report: Report,
  custom: Record<string, ReportKindDefinition>,
): ReportProblem[] {
  const hasFiles = (report.attachments?.length ?? 0) > 0;
  switch (kind) {
    case 'member-list':
      return (report.members?.length ?? 0) > 0 || hasFiles
        ? []
        : [
            {
              path: ['members'],
              message: 'a member list (小组成员名单) needs at least one member, or an attached list',
            },
          ];
    case 'summary':
    case 'progress':
      return nonEmpty(report.text) || hasFiles
        ? []
        : [{ path: ['text'], message: `a ${kind} report needs its text or an attached document` }];
    case 'case-ledger':
    case 'document':
      return hasFiles || nonEmpty(report.text)
        ? []
        : [{ path: ['attachments'], message: `a ${kind} report needs an attached file (or a written account)` }];
    default: {
      const definition = custom[kind];
      if (!definition) return [{ path: ['kind'], message: `the plan defines no report kind "${kind}"` }];
      const problems: ReportProblem[] = [];
      for (const field of definition.fields) {
        const value = report.fields?.[field.name];
        if (value === undefined || value === '') {
          if (field.required) problems.push({ path: ['fields', field.name], message: `"${field.name}" is required` });
        } else if (field.type === 'number' && typeof value !== 'number') {
          problems.push({ path: ['fields', field.name], message: `"${field.name}" must be a number` });
        } else if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
          problems.push({ path: ['fields', field.name], message: `"${field.name}" must be a date YYYY-MM-DD` });
        }
      }
      if (definition.attachmentsRequired && !hasFiles) {
        problems.push({ path: ['attachments'], message: `a "${definition.title}" report needs an attached file` });
      }
      return problems;
    }
  }
}
