import { isWorkflowNotFound } from '../../temporal-client/error-kinds';
import { DAY_MS } from '../../domain/clock/time-units';
import type { Client } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PhaseRecord } from '../../domain/campaign/campaign-state';
import type { Plan, Unit } from '../../domain/plan/schema';
import { obligationsForPhase, owes, type ObligationSpec } from '../../domain/schedule/obligations';
import {
  asOfNow,
  approvePhaseUpdate,
  campaignStatusQuery,
  returnPhaseUpdate,
  submitReportUpdate,
  campaignWorkflowId,
  unitWorkflowId,
} from '../../contracts';
import type { StatusView } from '../output/campaign-status';
import { formatDuration } from '../output/format';
import { rejectionOf } from '../update-rejection';
import * as script from './demo-script';
import type { DemoView } from './demo-view';

// The unit has not heard of the phase yet (its event is on the way): try again on the next tick.
const NOT_YET = new Set(['unknown_deliverable', 'unknown_occurrence']);

interface Task {
  unit: Unit;
  spec: Pick<ObligationSpec, 'key' | 'deliverableId' | 'phaseId' | 'title' | 'kind'>;
  atMs: number;
}

export interface SimulationOptions {
  client: Client;
  plan: Plan;
  campaignId: string;
  view: DemoView;
  tickMs: number;
  stopped: () => boolean;
}

/**
 * Plays the units and the leaders until the campaign ends (or the demo is stopped). What each
 * unit owes is worked out from the plan and the phase windows in one status query, so the demo
 * adds one query per tick to the worker's load instead of one per unit.
 */
export async function simulateCampaign(options: SimulationOptions): Promise<StatusView> {
  const { client, plan, campaignId, view } = options;
  const campaign = client.workflow.getHandle(campaignWorkflowId(campaignId));
  const actors = plan.units.map((unit, index) => ({ unit, behaviour: script.behaviourOf(index, plan.units.length) }));
  const done = new Set<string>();
  const submittedPhases = new Set<string>();
  const extra: Task[] = [];
  const specsByPhase = new Map<string, ObligationSpec[]>();
  const returnPhaseId = script.phaseToReturn(plan);
  const returnTo = actors.find((a) => a.behaviour === 'on-time')?.unit;
  let returned = false;
  const approved = new Set<string>();

  const specsOf = (record: PhaseRecord): ObligationSpec[] => {
    const phase = plan.phases.find((p) => p.id === record.id);
    if (!phase || !record.window) return [];
    let specs = specsByPhase.get(record.id);
    if (!specs) specsByPhase.set(record.id, (specs = obligationsForPhase(plan, phase, record.window)));
    return specs;
  };

  const refused = (nowMs: number, who: string, error: unknown) => {
    const rejection = rejectionOf(error);
    if (!rejection) throw error;
    view.event(nowMs, `${who}: refused (${rejection.type}): ${rejection.message}`);
  };

  const submit = async (task: Task, nowMs: number): Promise<void> => {
    const id = `${task.unit.id}/${task.spec.key}@${task.atMs}`;
    if (done.has(id)) return;
    done.add(id);
    const occurrence = task.spec.key.includes('@') ? task.spec.key.split('@')[1] : undefined;
    const report = script.reportFor(plan, task.unit, task.spec);
    try {
      const receipt = await client.workflow
        .getHandle(unitWorkflowId(campaignId, task.unit.id))
        .executeUpdate(submitReportUpdate, {
          args: [{ deliverableId: task.spec.deliverableId, occurrence, report, by: `unit:${task.unit.id}` }],
        });
      submittedPhases.add(`${task.unit.id}/${task.spec.phaseId}`);
      const verdict = receipt.onTime ? 'on time' : `late by ${formatDuration(receipt.lateByMs)}`;
      view.event(receipt.submittedAtMs, `${task.unit.name} submitted ${receipt.title} (${verdict})`);
    } catch (error) {
      const type = rejectionOf(error)?.type ?? '';
      if (isWorkflowNotFound(error) || NOT_YET.has(type)) done.delete(id);
      else refused(nowMs, task.unit.name, error);
    }
  };

  const dueTasks = (status: StatusView): Task[] => {
    const tasks: Task[] = extra.filter((task) => task.atMs <= status.nowMs);
    for (const record of status.phases) {
      for (const spec of specsOf(record)) {
        for (const { unit, behaviour } of actors) {
          const atMs = script.submitAtMs(spec, behaviour);
          if (atMs !== undefined && atMs <= status.nowMs && owes(spec, unit.id)) tasks.push({ unit, spec, atMs: 0 });
        }
      }
    }
    return tasks.filter((task) => !done.has(`${task.unit.id}/${task.spec.key}@${task.atMs}`));
  };

  const leaders = async (status: StatusView) => {
    const phase = status.phases.find((p) => p.id === returnPhaseId);
    const submitted = returnTo !== undefined && submittedPhases.has(`${returnTo.id}/${returnPhaseId}`);
    if (!returned && returnTo && phase?.status === 'open' && submitted) {
      returned = true;
      const newDueMs = status.nowMs + script.RETURN_AFTER_MS;
      try {
        await campaign.executeUpdate(returnPhaseUpdate, {
          args: [
            {
              phaseId: phase.id,
              units: [returnTo.id],
              reason: script.RETURN_REASON,
              newDue: new Date(newDueMs).toISOString(),
              by: script.leaderActor(plan),
            },
          ],
        });
        view.event(status.nowMs, `leader returned ${phase.name} to ${returnTo.name}: ${script.RETURN_REASON}`);
        for (const spec of specsOf(phase))
          if (owes(spec, returnTo.id)) extra.push({ unit: returnTo, spec, atMs: newDueMs - DAY_MS });
      } catch (error) {
        refused(status.nowMs, 'return', error);
      }
    }
    const current = status.currentPhase;
    if (current?.gate !== 'approval' || current.status !== 'open' || approved.has(current.id)) return;
    if (current.window && status.nowMs < current.window.endMs) return;
    approved.add(current.id);
    try {
      await campaign.executeUpdate(approvePhaseUpdate, {
        args: [{ phaseId: current.id, by: script.leaderActor(plan), comment: '同意验收' }],
      });
      view.event(status.nowMs, `leader ${plan.leadingGroup.head.name} approved ${current.name}`);
    } catch (error) {
      refused(status.nowMs, 'approval', error);
    }
  };

  for (;;) {
    const status = await campaign.query(campaignStatusQuery, asOfNow());
    if (status.status !== 'running' || options.stopped()) return status;
    view.update(status);
    const tasks = dueTasks(status);
    // One submission per unit at a time, units in parallel, as real offices would.
    const byUnit = new Map<string, Task[]>();
    for (const task of tasks) byUnit.set(task.unit.id, [...(byUnit.get(task.unit.id) ?? []), task]);
    await Promise.all(
      [...byUnit.values()].map(async (list) => {
        for (const task of list) await submit(task, status.nowMs);
      }),
    );
    await leaders(status);
    await sleep(options.tickMs);
  }
}
