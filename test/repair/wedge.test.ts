import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import Long from 'long';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { wedgeOf } from '../../client/repair/wedge';
import { campaignDataConverter } from '../../codec/data-converter';
import { WORKFLOWS_PATH } from '../../worker/campaign-worker';
import { bundleWorkflowsOnce } from '../../worker/run-worker';
import { unitWorkflowId } from '../../contracts';
import type { HistoryEvent } from '../support/unit-history';

/**
 * A unit of a CI test campaign (2026-11-30) as its worker found it after a restart: an SDK fault
 * had recorded an update after a timer in one task (events 100-102), which replay puts first, so
 * every task since fails on a nondeterminism error. Its payloads are under the test-only key.
 */
const wedged = (): HistoryEvent[] =>
  temporal.api.history.v1.History.decode(
    fs.readFileSync(path.join(__dirname, '../fixtures/wedged/unit-update-after-timer.pb')),
  ).events;

/**
 * The history as if its patches had been deprecated before today's code retired them: recorded
 * before 1.0, it carries markers of patches (carry-mail-across-runs, steady-alarm, …) that the
 * code no longer checks, and a marker still live stops replay at once. A deprecated one does not.
 */
function withPatchesDeprecated(events: HistoryEvent[]): HistoryEvent[] {
  return events.map((e) => {
    const marker = e.markerRecordedEventAttributes;
    const data = marker?.markerName === 'core_patch' ? marker.details?.['patch-data']?.payloads?.[0] : undefined;
    if (!marker || !data?.data) return e;
    const patch = JSON.parse(Buffer.from(data.data).toString()) as { id: string };
    const deprecated = { ...data, data: Buffer.from(JSON.stringify({ id: patch.id, deprecated: true })) };
    return {
      ...e,
      markerRecordedEventAttributes: { ...marker, details: { 'patch-data': { payloads: [deprecated] } } },
    };
  });
}

const WORKFLOW_ID = unitWorkflowId('large-f53dbc29-f6ea-4206-8f9f-8230d79864f1', 'unit-0011');
const UNHANDLED_COMMAND = temporal.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND;

describe('a workflow stuck on a nondeterminism error', () => {
  it('is reset to the completion of the task that recorded the event its code cannot replay', () => {
    const events = wedged();
    const wedge = wedgeOf(events);
    expect(wedge).toMatchObject({ namedEventId: 101, resetToEventId: 100 });
    expect(wedge?.message).toContain('Update machine does not handle this event');
    // The reset point is that task's completion, right before the timer it recorded ahead of the update.
    const byId = (id: number) => events.find((e) => Number(e.eventId) === id);
    expect(byId(100)?.workflowTaskCompletedEventAttributes).toBeDefined();
    expect(byId(101)?.timerStartedEventAttributes).toBeDefined();
    expect(byId(102)?.workflowExecutionUpdateAcceptedEventAttributes).toBeDefined();
  });

  it("is a real history: today's unit workflow cannot replay it past that event either", async () => {
    const workflowBundle = await bundleWorkflowsOnce(WORKFLOWS_PATH);
    const history = temporal.api.history.v1.History.create({ events: withPatchesDeprecated(wedged()) });
    const replay = Worker.runReplayHistory(
      { workflowBundle, dataConverter: campaignDataConverter() },
      history,
      WORKFLOW_ID,
    );
    await expect(replay).rejects.toThrow(
      /Nondeterminism error: Update machine does not handle this event: HistoryEvent\(id: 101/,
    );
  });

  it('is not stuck once a task completed after the failure', () => {
    const events = wedged();
    const last = Number(events.at(-1)?.eventId);
    const completed: HistoryEvent = { eventId: Long.fromNumber(last + 1), workflowTaskCompletedEventAttributes: {} };
    expect(wedgeOf([...events, completed])).toBeUndefined();
  });

  it('is not stuck when its tasks fail for another reason', () => {
    const events = wedged().map((e) =>
      e.workflowTaskFailedEventAttributes
        ? {
            ...e,
            workflowTaskFailedEventAttributes: { ...e.workflowTaskFailedEventAttributes, cause: UNHANDLED_COMMAND },
          }
        : e,
    );
    expect(wedgeOf(events)).toBeUndefined();
  });

  it('is listed without a reset point when its error names no event: a person chooses', () => {
    const message = '[TMPRL1100] Nondeterminism error: a change nobody can place';
    const events = wedged().map((e) => {
      const failed = e.workflowTaskFailedEventAttributes;
      return failed
        ? { ...e, workflowTaskFailedEventAttributes: { ...failed, failure: { ...failed.failure, message } } }
        : e;
    });
    expect(wedgeOf(events)).toEqual({ message });
  });

  it('is not stuck with a history that replays, such as the start of this one', () => {
    expect(wedgeOf(wedged().slice(0, 99))).toBeUndefined();
  });
});
