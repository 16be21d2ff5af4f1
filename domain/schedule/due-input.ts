import { localToInstant } from '../calendar/local-time';

/** A due date typed by a person: "2026-05-10" means that day at the plan's due time; ISO means exactly then. */
export function dueInputToMs(text: string, timeZone: string, defaultDueTime: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return localToInstant(text, defaultDueTime, timeZone);
  return Date.parse(text);
}
