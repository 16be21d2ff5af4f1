import { DAY_MS } from '../../domain/clock/time-units';
import { renderCampaignStatus, type StatusView } from '../output/campaign-status';
import { formatTime } from '../output/format';
import { style } from '../output/style';
import { displayWidth } from '../output/table';

const EVENTS_SHOWN = 8;

/**
 * How the demo shows the campaign. On a terminal the status table is redrawn in place, with the
 * latest events under it; in a pipe or a CI log, each event and a weekly summary is one plain line.
 */
export class DemoView {
  private events: string[] = [];
  private pending: { planMs: number; line: string }[] = [];
  private drawnLines = 0;
  private lastPhase: string | undefined;
  private lastWeek = -1;

  constructor(
    private readonly live: boolean,
    private readonly timeZone: string,
    private readonly startMs: number,
  ) {}

  /**
   * Held until the next status: the simulated people act in parallel and their answers come back in
   * any order, and a leader's step is stamped with the plan time it was decided at. Shown sorted, the
   * log reads in plan-time order.
   */
  event(planMs: number, text: string): void {
    this.pending.push({ planMs, line: `${formatTime(planMs, this.timeZone)}  ${text}` });
  }

  private flush(): void {
    const lines = this.pending.sort((a, b) => a.planMs - b.planMs).map((event) => event.line);
    this.pending = [];
    if (this.live) this.events = [...this.events, ...lines].slice(-EVENTS_SHOWN);
    else for (const line of lines) process.stdout.write(`${line}\n`);
  }

  update(status: StatusView): void {
    this.flush();
    if (this.live) {
      this.redraw(this.frame(status));
      return;
    }
    const phase = status.currentPhase?.name;
    const week = Math.floor((status.nowMs - this.startMs) / (7 * DAY_MS));
    if (phase !== this.lastPhase || week !== this.lastWeek) {
      this.lastPhase = phase;
      this.lastWeek = week;
      const t = status.totals;
      process.stdout.write(
        `${formatTime(status.nowMs, this.timeZone)}  [${phase ?? status.status}] ${t.onTime} on time, ${t.late} late, ${t.overdue} overdue, ${t.missing} missing, ${status.accountabilityMarks} mark(s)\n`,
      );
    }
  }

  /** Leaves the last frame on screen and prints the final one below it in a pipe. */
  finish(status: StatusView): void {
    this.flush();
    if (this.live) this.redraw(this.frame(status));
    else process.stdout.write(`\n${renderCampaignStatus(status)}\n`);
    this.drawnLines = 0;
  }

  private frame(status: StatusView): string {
    const day = Math.floor((status.nowMs - this.startMs) / DAY_MS) + 1;
    return [
      renderCampaignStatus(status),
      '',
      style.bold(day >= 1 ? `plan day ${day}` : 'the campaign is announced; phase one starts shortly') +
        style.dim('  (Ctrl+C stops the demo)'),
      ...this.events.map((line) => style.dim(line)),
    ].join('\n');
  }

  private redraw(frame: string): void {
    const columns = process.stdout.columns ?? 120;
    // Cursor up over the previous frame (wrapped lines count twice), then clear to the end.
    const erase = this.drawnLines > 0 ? `\x1b[${this.drawnLines}A\r\x1b[J` : '';
    process.stdout.write(`${erase}${frame}\n`);
    this.drawnLines = frame
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / columns)), 0);
  }
}
