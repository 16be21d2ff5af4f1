import { isoInstant } from '../clock/time-units';
import { alertsWithNewDue } from './reschedule';
import { owes, type ObligationSpec } from '../schedule/obligations';
import type { CampaignEvent } from './campaign-events';
import type { UnitCommand, UnitOutcome } from './unit-commands';
import { appendLog, type Obligation, type UnitState } from './unit-state';

function toObligation(spec: ObligationSpec): Obligation {
  const { owedBy: _owedBy, ...rest } = spec;
  return {
    ...rest,
    alerts: [...spec.alerts].sort((a, b) => a.atMs - b.atMs),
    state: 'open',
    alertsDone: 0,
    remindersSent: 0,
    escalationStep: 0,
    returnedSubmissions: [],
    extensions: [],
  };
}

/**
 * Applies one campaign event to a unit. Events carry a sequence number because the campaign's
 * broadcast activity may deliver an event twice after a retry; a repeat changes nothing.
 */
export function applyCampaignEvent(state: UnitState, event: CampaignEvent, nowMs: number): UnitOutcome<UnitState> {
  if (event.seq <= state.lastSeq || state.ended) return { state, commands: [] };
  const next: UnitState = { ...state, lastSeq: event.seq };
  switch (event.type) {
    case 'phase-opened': {
      const owed = (event.obligations as ObligationSpec[]).filter((o) => owes(o, state.unitId));
      const known = new Set(state.obligations.map((o) => o.key));
      const fresh = owed.filter((o) => !known.has(o.key)).map(toObligation);
      const commands: UnitCommand[] =
        fresh.length === 0
          ? []
          : [
              {
                type: 'notify',
                eventKey: `phase-opened:${event.phaseId}`,
                atMs: nowMs,
                audience: ['unit-contact', 'unit-head'],
                body: {
                  kind: 'phase_opened',
                  phaseId: event.phaseId,
                  phaseName: event.phaseName,
                  windowStart: isoInstant(event.startMs),
                  windowEnd: isoInstant(event.endMs),
                  owed: fresh.map((o) => ({
                    deliverableId: o.deliverableId,
                    deliverableTitle: o.title,
                    dueAt: isoInstant(o.dueMs),
                  })),
                },
              },
            ];
      const filing = event.casesFiling && !state.filingPhases.includes(event.phaseId);
      return {
        state: {
          ...next,
          obligations: [...state.obligations, ...fresh],
          filingPhases: filing ? [...state.filingPhases, event.phaseId] : state.filingPhases,
          log: appendLog(next, {
            atMs: nowMs,
            what: `phase ${event.phaseName} opened: ${fresh.length} to submit${filing ? '; cases may be filed' : ''}`,
          }),
        },
        commands,
      };
    }
    case 'phase-returned': {
      // A return may name deliverables: only those go back, the unit's other reports stay accepted.
      const sentBack = (o: Obligation) =>
        o.phaseId === event.phaseId && (!event.deliverableIds || event.deliverableIds.includes(o.deliverableId));
      const inPhase = state.obligations.filter(sentBack);
      if (inPhase.length === 0) return { state: next, commands: [] };
      const obligations = state.obligations.map((o): Obligation => {
        if (!sentBack(o)) return o;
        const returned = o.submission
          ? [...o.returnedSubmissions, { ...o.submission, returnReason: event.reason }]
          : o.returnedSubmissions;
        return {
          ...o,
          state: 'open',
          submission: undefined,
          returnedSubmissions: returned,
          dueMs: event.newDueMs,
          ...alertsWithNewDue(o, event.newDueMs, nowMs),
        };
      });
      return {
        state: {
          ...next,
          obligations,
          log: appendLog(next, {
            atMs: nowMs,
            what: `phase ${event.phaseId} returned by ${event.by}: ${event.reason}`,
          }),
        },
        commands: [
          {
            type: 'notify',
            eventKey: `phase-returned:${event.phaseId}:${event.seq}`,
            atMs: nowMs,
            audience: ['unit-contact', 'unit-head'],
            body: {
              kind: 'phase_returned',
              unitId: state.unitId,
              unitName: state.unitName,
              phaseId: event.phaseId,
              phaseName: inPhase[0]?.phaseName ?? event.phaseId,
              reason: event.reason,
              ...(event.deliverableIds ? { deliverableTitles: [...new Set(inPhase.map((o) => o.title))] } : {}),
              newDueAt: isoInstant(event.newDueMs),
              by: event.by,
            },
          },
        ],
      };
    }
    case 'phase-closed': {
      if (!event.approved) return { state: next, commands: [] };
      const obligations = state.obligations.map((o): Obligation =>
        o.phaseId === event.phaseId && o.state === 'open' ? { ...o, state: 'missing' } : o,
      );
      return {
        state: { ...next, obligations, log: appendLog(next, { atMs: nowMs, what: `phase ${event.phaseId} approved` }) },
        commands: [],
      };
    }
    case 'paused':
    case 'resumed':
      return {
        state: {
          ...next,
          paused: event.type === 'paused',
          log: appendLog(next, { atMs: nowMs, what: `reminders ${event.type} by ${event.by}` }),
        },
        commands: [],
      };
    case 'campaign-ended': {
      const obligations = state.obligations.map((o): Obligation =>
        o.state === 'open' ? { ...o, state: 'missing' } : o,
      );
      const commands: UnitCommand[] = event.cancelled
        ? [
            {
              type: 'notify',
              eventKey: 'campaign-cancelled',
              atMs: nowMs,
              audience: ['unit-contact', 'unit-head'],
              body: { kind: 'campaign_cancelled', reason: event.cancelled.reason, by: event.cancelled.by },
            },
          ]
        : [];
      return {
        state: {
          ...next,
          ended: true,
          obligations,
          log: appendLog(next, {
            atMs: nowMs,
            what: event.cancelled ? `campaign cancelled: ${event.cancelled.reason}` : 'campaign ended',
          }),
        },
        commands,
      };
    }
  }
}
