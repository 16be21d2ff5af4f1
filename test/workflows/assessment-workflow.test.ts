import fs from 'node:fs';
import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../client/plan/read-plan-file';
import {
  approveResultUpdate,
  assessmentStandingQuery,
  closeScoringUpdate,
  submitScoresUpdate,
  unitResultQuery,
  type AssessmentWorkflow,
} from '../../contracts/assessment';
import { localToInstant } from '../../domain/calendar/local-time';
import { rehearsalClock } from '../../domain/clock/plan-clock';
import os from 'node:os';
import { createActivities } from '../../activities';
import { readNotificationLog } from '../../activities/notify/notification-log';
import { createFolderReportStore } from '../../activities/reports/report-store';
import { loadMailConfig } from '../../config/mail-config';
import { testClient, uniqueId, withWorker } from '../helpers/temporal';

const root = path.resolve(__dirname, '../..');
const workflowsPath = path.join(root, 'workflows/assessment-workflow.ts');

/** The judges' sheets of the hand-calculated fixture (see test/cli/assessment-compute.test.ts), one per judge. */
function sheetsByJudge(): Map<string, { unit: string; item: string; score: string }[]> {
  const lines = fs.readFileSync(path.join(root, 'test/fixtures/assessment/song-contest-scores.csv'), 'utf8');
  const sheets = new Map<string, { unit: string; item: string; score: string }[]>();
  for (const line of lines.trim().split('\n').slice(1)) {
    const [judge = '', unit = '', item = '', score = ''] = line.split(',');
    sheets.set(judge, [...(sheets.get(judge) ?? []), { unit, item, score }]);
  }
  return sheets;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorkflowUpdateFailedError)) throw new Error(`expected a refused update, got ${String(error)}`);
  const cause = error.cause as { type?: string; message: string } | undefined;
  return `${cause?.type ?? ''}: ${cause?.message ?? ''}`;
}

describe('the song contest on a real server, from the judges’ scores to the published award list', () => {
  it('takes seven judges’ sheets, refuses bad ones, computes, waits for a leader, then shows a class its own line', async () => {
    const checked = await readPlanFile(path.join(root, 'examples/song-contest.yaml'));
    if (!checked.ok) throw new Error('the example must be valid');
    // Plan time starts on the contest day, 5/31 at 08:00, and runs at real speed.
    const clock = rehearsalClock(localToInstant('2026-05-31', '08:00', 'Asia/Shanghai'), Date.now(), 1);
    // Real activities: publication stores the report files and writes the mail to the outbox.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assessment-'));
    const store = createFolderReportStore({ dataDir });
    const activities = createActivities({
      client: await testClient(),
      mailConfig: loadMailConfig({ CAMPAIGN_DATA_DIR: dataDir }),
      store,
      mail: { log: () => undefined },
    });
    await withWorker({ workflowsPath, activities }, async ({ client, taskQueue }) => {
      const handle = await client.workflow.start<AssessmentWorkflow>('assessmentWorkflow', {
        workflowId: uniqueId('song-contest/assessment'),
        taskQueue,
        args: [{ plan: checked.plan, clock }],
      });
      const sheets = sheetsByJudge();
      expect(
        await refusal(
          handle.executeUpdate(submitScoresUpdate, {
            args: [{ by: '评委二', scores: [{ unit: '一(1)班', item: '演唱', score: '4.5' }] }],
          }),
        ),
      ).toBe('score_out_of_range: score 1: 4.5 is out of range: 演唱 is scored from 0 to 4; nothing was recorded');
      for (const [judge, scores] of [...sheets].slice(0, 6)) {
        const receipt = await handle.executeUpdate(submitScoresUpdate, { args: [{ by: judge, scores }] });
        // 评委一's sheet holds a slip and its correction: the later counts.
        expect(receipt).toEqual({ recorded: scores.length, replacing: judge === '评委一' ? 1 : 0 });
      }
      // 评委七 has sent nothing yet: the standing names the judge and what is owed (6 items × 20 classes).
      expect((await handle.query(assessmentStandingQuery)).owing).toEqual([{ assessor: 'judge-7', missing: 120 }]);
      const last = sheets.get('评委七') ?? [];
      await handle.executeUpdate(submitScoresUpdate, { args: [{ by: 'judge-7', scores: last }] });
      expect(await refusal(handle.executeUpdate(approveResultUpdate, { args: [{ by: 'headmaster' }] }))).toBe(
        'not_computed: close scoring first: there is no result to approve',
      );
      const result = await handle.executeUpdate(closeScoringUpdate, {
        args: [{ by: 'office', facts: { units: { 'class-6-1': { publicNotices: 1 } } } }],
      });
      expect(result.awards.map((a) => [a.name, a.entrants])).toEqual([
        ['一等奖', ['class-5-1', 'class-3-2', 'class-1-3', 'class-pre-2']],
        ['二等奖', ['class-5-2', 'class-6-3', 'class-3-1', 'class-1-1', 'class-4-2', 'class-2-3']],
        [
          '优秀奖',
          [
            'class-4-1',
            'class-6-2',
            'class-2-1',
            'class-1-2',
            'class-6-1',
            'class-pre-1',
            'class-2-2',
            'class-3-3',
            'class-4-3',
            'class-5-3',
          ],
        ],
      ]);
      // Not yet published: a class sees nothing.
      expect(await handle.query(unitResultQuery, 'class-2-3')).toBeUndefined();
      expect(await refusal(handle.executeUpdate(approveResultUpdate, { args: [{ by: 'judge-1' }] }))).toBe(
        'not_authorized: only 周校长、吴副校长 may approve the result (审定), not judge-1',
      );
      expect(await handle.executeUpdate(approveResultUpdate, { args: [{ by: 'headmaster' }] })).toMatchObject({
        stage: 'published',
        approvedBy: 'headmaster',
      });
      const own = await handle.query(unitResultQuery, 'class-2-3');
      expect([own?.rank, own?.total, own?.award?.name]).toEqual([9, '9.00', '二等奖']);
      expect(own?.items.find((i) => i.item === 'singing')?.assessors.filter((a) => a.dropped)).toEqual([
        { assessor: 'judge-1', name: '评委一', score: '1', dropped: 'lowest' },
        { assessor: 'judge-7', name: '评委七', score: '3.8', dropped: 'highest' },
      ]);
      expect((await handle.result())?.ranking).toHaveLength(20);
      // Published: the result's report files (MD/HTML/CSV) are stored and named in the standing.
      expect((await handle.query(assessmentStandingQuery)).files?.map((f) => f.mediaType)).toEqual([
        'text/markdown',
        'text/html',
        'text/csv',
      ]);
      // The result is mailed to the office, the leading group, the judges and every class's contact.
      const mails = (await readNotificationLog('song-contest-2026', { dataDir })).filter(
        (e) => e.kind === 'assessment_published',
      );
      expect(mails.map((m) => m.email)).toEqual(
        expect.arrayContaining(['headmaster@example.org', 'judge-7@example.org', 'class-2-3@example.org']),
      );
      expect(mails[0]?.subject).toContain('结果公布：庆六一歌唱比赛评分（经周校长审定）');
      // The stored report carries the award list and each class's breakdown, what was dropped included.
      const files = (await handle.query(assessmentStandingQuery)).files ?? [];
      const markdown = (await store.get(files[0]?.ref ?? '')).toString('utf8');
      expect(markdown).toContain('一等奖（4）：');
      expect(markdown).toMatch(/评委七 3\.8（去掉最高分）/);
    });
  });
});
