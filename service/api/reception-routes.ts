import {
  ProgrammeParamsSchema,
  RecordReceiptSchema,
  RecordReceptionBodySchema,
  ReceptionRangeQuerySchema,
  ReceptionsViewSchema,
  SubstituteBodySchema,
  SubstitutionReceiptSchema,
} from '../../contracts/reception-api';
import { CampaignParamsSchema } from '../../contracts/service-api';
import { parseOrThrow } from './parse';
import { receptionsFor, recordReceptionFor, substituteFor } from './receptions';
import type { Parsed, RouteDefinition } from './route-table';

/** Reception days (领导接访日) over the JSON API: the posted rota, the day's record, a substitute. */

const programmeOf = (r: Parsed) => ({
  campaignId: r.params['campaignId'] ?? '',
  programmeId: r.params['programmeId'] ?? '',
});

export const RECEPTION_ROUTES: RouteDefinition[] = [
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/receptions',
    summary: 'the reception rota as posted (公示), with who receives after 补位, status and visitor counts',
    params: CampaignParamsSchema,
    query: ReceptionRangeQuerySchema,
    response: ReceptionsViewSchema,
    // The table has parsed the query with this schema already.
    handle: (ctx, r) => receptionsFor(ctx, r.session, r.params['campaignId'] ?? '', r.query),
  },
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/receptions/:programmeId/record',
    summary: "the day's record (登记): visitors, or no visitors today; by the leader on duty or the office",
    params: ProgrammeParamsSchema,
    body: RecordReceptionBodySchema,
    response: RecordReceiptSchema,
    handle: (ctx, r) =>
      recordReceptionFor(ctx, r.session, programmeOf(r), parseOrThrow(RecordReceptionBodySchema, r.body ?? {}, 'body')),
  },
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/receptions/:programmeId/substitute',
    summary: 'a substitute for a reception (补位), named before the day by the leader on duty or the office',
    params: ProgrammeParamsSchema,
    body: SubstituteBodySchema,
    response: SubstitutionReceiptSchema,
    handle: (ctx, r) =>
      substituteFor(ctx, r.session, programmeOf(r), parseOrThrow(SubstituteBodySchema, r.body ?? {}, 'body')),
  },
];
