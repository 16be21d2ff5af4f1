import { AesGcmPayloadCodec } from '../../codec/aes-gcm-codec';
import { campaignKeyring } from '../../codec/data-converter';
import type { Client } from '@temporalio/client';
import { type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { credentialInterceptor } from '../../client/access/credential-interceptor';
import { issueCredentials, type IssuedCredential } from '../../client/access/issue-credentials';
import { nodeSha256 } from '../../client/access/node-hash';
import { startCampaign } from '../../client/start-campaign';
import { expectRejection } from '../../client/update-rejection';
import { chainSeed } from '../../domain/access/credential-chain';
import {
  approvePhaseUpdate,
  asOfNow,
  auditLogQuery,
  caseEventUpdate,
  casesQuery,
  extendDeadlineUpdate,
  fileCasesUpdate,
  submitReportUpdate,
  unitStatusQuery,
  campaignWorkflowId,
  unitWorkflowId,
} from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { smallPlan } from '../support/plans';
import { campaignClient } from '../../temporal-client/campaign-client';

// One plan day takes ten minutes: nothing falls due while the test runs.
const SCALE = 86_400_000 / 600_000;

/** A client that presents the credentials of `holders`, as the CLI does with a credential file. */
function clientAs(base: Client, holders: IssuedCredential[]): Client {
  const client: Client = campaignClient({
    connection: base.connection,
    interceptors: [credentialInterceptor(() => client, { credentials: () => holders })],
  });
  return client;
}

const member = (by = 'unit:town-a') => ({ deliverableId: 'members', report: { members: [{ name: '张三' }] }, by });

async function rawHistory(handle: WorkflowHandle): Promise<Buffer> {
  return Buffer.from(temporal.api.history.v1.History.encode(await handle.fetchHistory()).finish());
}

describe('credentials on the dev server', () => {
  it('lets each holder act only within its rights, records refused attempts, and keeps secrets out of history', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('access');
      const base = smallPlan(id);
      const plan = { ...base, phases: base.phases.map((p, i) => (i === 0 ? { ...p, casesFiling: true } : p)) };
      const { credentials, access } = issueCredentials(plan, id, 50);
      const holder = (principal: string) => credentials.filter((c) => c.principal === principal);
      const campaign = await startCampaign(client, plan, {
        taskQueue,
        startedBy: 'office',
        rehearsalScale: SCALE,
        access,
      });
      const townA = clientAs(client, holder('unit:town-a'));
      const office = clientAs(client, holder('office'));
      const leader = clientAs(client, holder('leader:head'));
      const unitA = (c: Client) => c.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      const unitB = (c: Client) => c.workflow.getHandle(unitWorkflowId(id, 'town-b'));
      await eventually(
        () =>
          unitA(client)
            .query(unitStatusQuery, asOfNow())
            .catch(() => undefined),
        (s) => s?.rows.length === 1,
        { what: 'town-a to owe its member list' },
      );

      // No credential at all.
      const bare = await expectRejection(unitA(client).executeUpdate(submitReportUpdate, { args: [member()] }));
      expect(bare.type).toBe('credential_missing');
      // Town A acting for town B.
      const forB = await expectRejection(
        unitB(townA).executeUpdate(submitReportUpdate, { args: [member('unit:town-b')] }),
      );
      expect(forB).toMatchObject({ type: 'not_authorized' });
      expect(forB.message).toContain('unit:town-a holds no credential for unit town-b');
      // Town A extending its own deadline, which only the office may do.
      const ownExtension = await expectRejection(
        unitA(townA).executeUpdate(extendDeadlineUpdate, {
          args: [{ deliverableId: 'members', newDue: '2026-04-30', reason: '汛期', by: 'unit:town-a' }],
        }),
      );
      expect(ownExtension.message).toContain('only the office may');
      // A unit approving a phase.
      const approval = await expectRejection(
        client.workflow
          .getHandle(campaignWorkflowId(id))
          .executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] }),
      );
      expect(approval.type).toBe('credential_missing');
      const unitApproves = await expectRejection(
        townA.workflow
          .getHandle(campaignWorkflowId(id))
          .executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] }),
      );
      expect(unitApproves.type).toBe('not_authorized');

      // Within their rights: the unit reports, the office extends, the leader's refusal is the plan's.
      const receipt = await unitA(townA).executeUpdate(submitReportUpdate, { args: [member('张三')] });
      expect(receipt.onTime).toBe(true);
      const filed = await unitA(townA).executeUpdate(fileCasesUpdate, {
        args: [
          {
            filings: [
              {
                title: '征地补偿',
                category: 'law-related',
                petitioner: { name: '李某' },
                owningLeader: { name: '副组长' },
                handler: '王干事',
                stabilityOfficer: '李所长',
                deadline: '2026-05-20',
                requirements: '依法解决',
              },
            ],
            by: '王干事',
          },
        ],
      });
      const [caseId = ''] = filed.filed;
      // The record names the principal, with the name given alongside it.
      const [filedCase] = await unitA(client).query(casesQuery);
      expect(filedCase?.history[0]?.by).toBe('unit:town-a (王干事)');
      // 销号 is the office's or a leader's, never the unit's own.
      const selfAccept = await expectRejection(
        unitA(townA).executeUpdate(caseEventUpdate, { args: [{ type: 'accept', caseId, by: 'unit:town-a' }] }),
      );
      expect(selfAccept.type).toBe('not_authorized');
      await unitB(office).executeUpdate(extendDeadlineUpdate, {
        args: [{ deliverableId: 'members', newDue: '2026-04-30', reason: '汛期', by: 'office' }],
      });
      const early = await expectRejection(
        leader.workflow
          .getHandle(campaignWorkflowId(id))
          .executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'whoever' }] }),
      );
      expect(early.type).not.toMatch(/credential|authorized/);

      expect((await unitA(client).query(unitStatusQuery, asOfNow())).rows[0]?.state).toBe('on-time');

      // A value spent earlier is worthless; a forged one too.
      type Sent = { credential?: { principal: string; proof: string } };
      // History holds them encrypted (codec/): open them with the keys, as an insider would.
      const sealed = ((await unitA(client).fetchHistory()).events ?? []).flatMap((e) => {
        const payload = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads?.[0];
        return payload?.data ? [payload] : [];
      });
      const sent = (await new AesGcmPayloadCodec(campaignKeyring()).decode(sealed)).map(
        (payload) => JSON.parse(Buffer.from(payload.data ?? []).toString('utf8')) as Sent,
      );
      const spent = sent.find((p) => p.credential?.principal === 'unit:town-a');
      expect(spent?.credential?.proof).toMatch(/^[0-9a-f]{64}$/);
      const replayed = await expectRejection(
        unitA(client).executeUpdate(submitReportUpdate, {
          args: [{ ...member(), credential: spent?.credential } as never],
        }),
      );
      expect(replayed.type).toBe('credential_invalid');
      const forged = await expectRejection(
        unitA(client).executeUpdate(submitReportUpdate, {
          args: [{ ...member(), credential: { principal: 'office', proof: 'ab'.repeat(32) } } as never],
        }),
      );
      expect(forged.type).toBe('credential_invalid');

      // Every refused attempt that matters is in the campaign's audit log, the units' included.
      const audit = await eventually(
        () => campaign.query(auditLogQuery),
        (log) => log.total >= 8,
        { what: 'the refused attempts in the audit log' },
      );
      expect(audit.entries.map((e) => `${e.workflow} ${e.action} ${e.code}`).sort()).toEqual(
        [
          'campaign approvePhase credential_missing',
          'campaign approvePhase not_authorized',
          'town-a caseEvent:accept not_authorized',
          'town-a extendDeadline not_authorized',
          'town-a submitReport credential_invalid',
          'town-a submitReport credential_invalid',
          'town-a submitReport credential_missing',
          'town-b submitReport not_authorized',
        ].sort(),
      );

      // No token, and no seed derived from one, is anywhere in the raw histories.
      const histories = await Promise.all(
        [campaign, unitA(client), unitB(client)].map(async (h) => ({ id: h.workflowId, bytes: await rawHistory(h) })),
      );
      for (const { token } of credentials) {
        for (const { id: workflowId, bytes } of histories) {
          expect(bytes.includes(token), `${workflowId} holds a token`).toBe(false);
          expect(bytes.includes(chainSeed(token, workflowId, nodeSha256)), `${workflowId} holds a seed`).toBe(false);
        }
      }
    });
  });
});
