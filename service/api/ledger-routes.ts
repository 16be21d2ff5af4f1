import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CampaignLedgerStatsSchema,
  CampaignParamsSchema,
  CaseFilingBodySchema,
  FileCasesResultSchema,
  LedgerExportQuerySchema,
  LedgerImportResultSchema,
  LedgerStatsSchema,
  UnitParamsSchema,
  type ApiRoute,
} from '../../contracts/service-api';
import type { ServiceContext } from '../service-context';
import { requireSession } from '../session/session-hooks';
import type { ServiceSession } from '../session/session-store';
import { guard } from './guard';
import { ServiceError } from './http-errors';
import { fileCaseFor, importLedgerFor, ledgerExportFor, ledgerStatsFor } from './ledger';
import { parseOrThrow } from './parse';
import type { RouteDefinition } from './route-table';
import { readForm } from './submit-route';

const campaignOf = (params: Record<string, string>) => params['campaignId'] ?? '';

export const LEDGER_ROUTES: RouteDefinition[] = [
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/units/:unitId/cases',
    summary: 'file one case (立案) for the unit, with the four clarities',
    params: UnitParamsSchema,
    body: CaseFilingBodySchema,
    response: FileCasesResultSchema,
    handle: (ctx, r) =>
      fileCaseFor(
        ctx,
        r.session,
        campaignOf(r.params),
        r.params['unitId'] ?? '',
        parseOrThrow(CaseFilingBodySchema, r.body, 'body'),
      ),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/ledger/stats',
    summary: 'filed, open, closed, overdue and 办结率 over the campaign',
    params: CampaignParamsSchema,
    response: CampaignLedgerStatsSchema,
    handle: (ctx, r) => ledgerStatsFor(ctx, r.session, campaignOf(r.params)),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/units/:unitId/ledger/stats',
    summary: "one unit's ledger counts, by category and priority",
    params: UnitParamsSchema,
    response: LedgerStatsSchema,
    handle: (ctx, r) => ledgerStatsFor(ctx, r.session, campaignOf(r.params), r.params['unitId'] ?? ''),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/ledger/export',
    summary: 'the whole ledger as XLSX or CSV (petitioners masked unless the office asks for personal data)',
    params: CampaignParamsSchema,
    query: LedgerExportQuerySchema,
    response: z.string(),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/csv',
    handle: async (ctx, r) => {
      const query = r.query as z.infer<typeof LedgerExportQuerySchema>;
      const file = await ledgerExportFor(ctx, r.session, campaignOf(r.params), query);
      void r.reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`);
      return file.bytes;
    },
  },
];

export const LEDGER_IMPORT_ROUTE: ApiRoute = {
  method: 'post',
  path: '/api/campaigns/:campaignId/units/:unitId/ledger-import',
  summary: 'import a ledger file (CSV or XLSX, one under `file`); one bad row and nothing is filed',
  params: UnitParamsSchema,
  response: LedgerImportResultSchema,
};

/** The import takes a file: multipart, with the same checks as a submission's files. */
export function registerLedgerImportRoute(app: FastifyInstance, ctx: ServiceContext): void {
  app.post(LEDGER_IMPORT_ROUTE.path, { preHandler: requireSession }, async (request, reply) => {
    const { campaignId, unitId } = parseOrThrow(UnitParamsSchema, request.params, 'path');
    if (!request.isMultipart())
      throw new ServiceError(415, 'unsupported_media_type', 'send the ledger as multipart/form-data');
    const session = request.session as ServiceSession;
    const access = await guard(ctx, session, campaignId, { kind: 'unit', unitId }, 'ledger-import');
    const { fields, uploads } = await readForm(request, session);
    const [upload, ...more] = uploads;
    if (upload === undefined || more.length > 0 || !/\.(csv|xlsx)$/i.test(upload.name)) {
      throw new ServiceError(400, 'invalid_request', 'file: send one ledger file, .csv or .xlsx', 'file');
    }
    const result = await importLedgerFor(access, campaignId, upload, fields['notify'] === 'true');
    return reply.code(201).send(result);
  });
}
