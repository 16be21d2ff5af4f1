import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignWorkflowId } from '../../contracts';
import { assessmentWorkflowId } from '../../contracts/assessment';
import type { AssessmentResult, EntrantResult } from '../../domain/assessment/result-schema';
import { testClient, uniqueId } from '../helpers/temporal';
import { credentialFileName, credentialsDir } from '../../client/access/credential-files';
import { campaign, cliEnv, startWorker, type CliResult, type RunningWorker } from '../cli/support/cli';
import { credentialOf, signIn, startHarness, startWithCredentials, type Harness } from './support/service-harness';

/**
 * The assessment (考核评比) over the JSON API, against a real dev server and a real worker process:
 * judges send their scores signed in with their own credential files, the office follows and
 * closes, a leader approves, a unit reads its own line and nobody else's.
 */
const env = cliEnv();
const id = uniqueId('svc-assessment');
let worker: RunningWorker;
let h: Harness;
let url: string;

/** A judge or a clerk at a terminal with no Temporal access: the CLI through the service. */
function throughService(principal: 'assessor:judge-2' | 'unit:town-b', args: string[]): Promise<CliResult> {
  const file = path.join(credentialsDir(env.dataDir, id), credentialFileName(principal));
  return campaign(env, ['--server', url, '--credential', file, ...args], {
    TEMPORAL_ADDRESS: '127.0.0.1:9',
    CAMPAIGN_CODEC_KEYS: '',
  });
}

function writePlan(): string {
  const unit = (uid: string, name: string) =>
    `  - { id: ${uid}, name: ${name}, head: { name: ${name}主要领导, email: head-${uid}@example.org }, contact: { name: ${name}联络员, email: ${uid}@example.org } }`;
  const file = path.join(env.dataDir, 'assessment-plan.yaml');
  fs.writeFileSync(
    file,
    [
      `campaign: { id: ${id}, title: 考核演练, organiser: 县信访局 }`,
      'leadingGroup:',
      '  head: { id: head, name: 组长, email: head@example.org }',
      'office: { id: office, name: 县信访局, email: office@example.org }',
      'units:',
      unit('town-a', '甲镇'),
      unit('town-b', '乙镇'),
      'phases:',
      '  - { id: accept, name: 考核验收, window: { start: 2026-04-12, end: 2026-06-30 }, gate: approval }',
      'assessment:',
      '  title: 年度考核',
      '  window: { phase: accept }',
      '  panel:',
      '    - { id: judge-1, name: 评委一, email: judge-1@example.org }',
      '    - { id: judge-2, name: 评委二, email: judge-2@example.org }',
      '  items: [{ id: work, name: 工作实绩, points: 10 }]',
      '  decimals: 1',
      '  awards: [{ id: first, name: 先进单位, count: 1 }]',
      '',
    ].join('\n'),
  );
  return file;
}

const base = `/api/campaigns/${id}`;
type Who = Awaited<ReturnType<typeof signIn>>;
const get = (url: string, who: Who) => h.app.inject({ method: 'GET', url, headers: who.headers });
const post = (url: string, who: Who, payload: object) =>
  h.app.inject({ method: 'POST', url, headers: who.headers, payload });
const sheet = (a: string, b: string) => ({
  scores: [
    { unit: 'town-a', item: 'work', score: a },
    { unit: '乙镇', item: '工作实绩', score: b },
  ],
});

beforeAll(async () => {
  [worker, h] = await Promise.all([startWorker(env), startHarness(env)]);
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  // Ten real minutes a plan day: the scoring window stays open for the whole test.
  await startWithCredentials(env, writePlan(), id, 600);
});

afterAll(async () => {
  const client = await testClient();
  for (const workflowId of [campaignWorkflowId(id), assessmentWorkflowId(id)]) {
    await client.workflow
      .getHandle(workflowId)
      .terminate('test over')
      .catch(() => undefined);
  }
  await h?.close();
  await worker?.stop();
  fs.rmSync(env.dataDir, { recursive: true, force: true });
});

describe('the assessment over the service', () => {
  it('takes each judge’s own scores, lets the office close and a leader approve, and shows a unit only its line', async () => {
    const [judge1, townA, townB, leader, office] = await Promise.all([
      signIn(h.app, credentialOf(env, id, 'assessor:judge-1')),
      signIn(h.app, credentialOf(env, id, 'unit:town-a')),
      signIn(h.app, credentialOf(env, id, 'unit:town-b')),
      signIn(h.app, credentialOf(env, id, 'leader:head')),
      signIn(h.app, credentialOf(env, id, 'office')),
    ]);

    const outOfRange = await post(`${base}/assessment/scores`, judge1, sheet('9.2', '11'));
    expect(outOfRange.statusCode).toBeGreaterThanOrEqual(400);
    expect(outOfRange.json()).toMatchObject({
      error: { code: 'score_out_of_range', message: expect.stringContaining('nothing was recorded') as string },
    });
    const sent = await post(`${base}/assessment/scores`, judge1, sheet('9.2', '8'));
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ recorded: 2, replacing: 0 });
    // A unit may not score, and a judge may not read the campaign's views nor others' scores.
    expect((await post(`${base}/assessment/scores`, townA, sheet('10', '0'))).statusCode).toBe(403);
    expect((await get(`${base}/assessment`, judge1)).statusCode).toBe(403);
    // The second judge at a terminal: one score at a time, through the service, as the credential's holder.
    const posing = await throughService('assessor:judge-2', ['--as', 'judge-1', 'assessment', 'score', id]);
    expect(posing.code).toBe(2);
    expect(posing.stderr).toContain('you act as the holder of your credential, judge-2');
    for (const [unit, item, score] of [
      ['town-a', 'work', '9.1'],
      ['乙镇', '工作实绩', '8.6'],
    ] as const) {
      const scored = await throughService('assessor:judge-2', [
        'assessment',
        'score',
        id,
        '--unit',
        unit,
        '--item',
        item,
        '--score',
        score,
      ]);
      expect(scored.code, scored.stderr).toBe(0);
      expect(scored.stdout).toContain('recorded 1 score(s)');
    }

    const standing = await get(`${base}/assessment`, office);
    expect(standing.json()).toMatchObject({ standing: { stage: 'scoring', scoresRecorded: 4, owing: [] } });
    const closed = await post(`${base}/assessment/close`, office, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<AssessmentResult>().awards).toEqual([{ id: 'first', name: '先进单位', entrants: ['town-a'] }]);
    expect((await get(`${base}/units/town-b/assessment`, townB)).json()).toMatchObject({
      error: { code: 'not_published' },
    });

    expect((await post(`${base}/assessment/approve`, judge1, {})).statusCode).toBe(403);
    const approved = await post(`${base}/assessment/approve`, leader, {});
    expect(approved.json()).toMatchObject({ stage: 'published', approvedBy: 'head', approvedByName: '组长' });
    const own = await get(`${base}/units/town-b/assessment`, townB);
    // (8 + 8.6) / 2 = 8.3
    expect(own.json()).toMatchObject({ rank: 2, total: '8.3' });
    expect(own.json<EntrantResult>().items[0]?.assessors.map((a) => a.score)).toEqual(['8', '8.6']);
    expect((await get(`${base}/units/town-a/assessment`, townB)).statusCode).toBe(403);
    const lines = await get(`${base}/units/town-b/assessment/lines`, townB);
    expect(lines.json<EntrantResult[]>().map((l) => [l.entrant, l.rank])).toEqual([['town-b', 2]]);
    expect((await get(`${base}/units/town-a/assessment/lines`, townB)).statusCode).toBe(403);
    // The same line at the clerk's terminal, and nobody else's.
    const ownAtTerminal = await throughService('unit:town-b', ['--json', 'assessment', 'show', id, '--unit', 'town-b']);
    expect(ownAtTerminal.code, ownAtTerminal.stderr).toBe(0);
    expect(JSON.parse(ownAtTerminal.stdout)).toMatchObject({ rank: 2, total: '8.3' });
    const othersAtTerminal = await throughService('unit:town-b', ['assessment', 'show', id, '--unit', 'town-a']);
    expect(othersAtTerminal.code).toBe(1);

    // The routes are in the OpenAPI document, with the score's fields.
    const openapi = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = openapi.json<{ paths: Record<string, unknown> }>().paths;
    expect(JSON.stringify(paths['/api/campaigns/{campaignId}/assessment/scores'])).toContain('"score"');
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/campaigns/{campaignId}/units/{unitId}/assessment']),
    );
  });
});
