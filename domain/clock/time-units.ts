/** Lengths of time in milliseconds, defined once. A plan day is 24 h of plan time (a rehearsal scales it). */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** An instant as an ISO 8601 UTC string, the form notices and reports carry. */
export const isoInstant = (ms: number): string => new Date(ms).toISOString();
