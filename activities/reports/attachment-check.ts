import { mapWithConcurrency } from '../fanout/map-with-concurrency';
import type { CampaignReportInput } from './report-input';
import type { ReportStore } from './report-store';

/**
 * Marks each attached file as found or not in the report store. With DATABASE_URL that store is
 * the one every host shares, so a report compiled on one host vouches for files submitted through
 * another. Each distinct file is looked up once; a few at a time, so a county's worth of
 * attachments does not take every database connection.
 */
export async function withStoredAttachments(
  input: CampaignReportInput,
  store: ReportStore,
  onChecked: () => void = () => undefined,
): Promise<CampaignReportInput> {
  const refs = [...new Set(input.phases.flatMap((p) => p.rows.flatMap((r) => r.attachments.map((a) => a.ref))))];
  if (refs.length === 0) return input;
  const found = new Map<string, boolean>();
  await mapWithConcurrency(refs, 4, async (ref) => {
    // A malformed reference is not in the store either; the report says so rather than failing.
    found.set(ref, await store.has(ref).catch((error: unknown) => notFound(error)));
    onChecked();
  });
  return {
    ...input,
    phases: input.phases.map((phase) => ({
      ...phase,
      rows: phase.rows.map((row) => ({
        ...row,
        attachments: row.attachments.map((a) => ({ ...a, stored: found.get(a.ref) ?? false })),
      })),
    })),
  };
}

/** Only a reference the store refuses as malformed counts as absent; an unreachable store is an error to retry. */
function notFound(error: unknown): false {
  if (error instanceof Error && error.name === 'InvalidReportRefError') return false;
  throw error;
}
