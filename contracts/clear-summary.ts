/**
 * Summaries an operator reads in the Web UI without the codec: a workflow's static summary and
 * details, a timer's and an activity's summary. The SDK sends them through the payload codec like
 * any payload, so they carry a mark the codec recognises and leaves in clear (codec/aes-gcm-codec.ts).
 * They are built only from the plan's ids, phase and unit names, the campaign title and dates, never
 * from anything a person entered about a case or a petitioner (test/codec/raw-history.test.ts).
 */

/** U+2063 INVISIBLE SEPARATOR: shows as nothing, and no user input of ours begins a bare string with it. */
export const CLEAR_MARK = '\u2063';
const MAX_SUMMARY = 200;
const MAX_DETAILS = 2_000;

/** One line, as the UI shows a summary. */
export const clearSummary = (text: string): string =>
  CLEAR_MARK + text.replace(/\s+/g, ' ').trim().slice(0, MAX_SUMMARY);

/** A few lines of Temporal markdown. */
export const clearDetails = (text: string): string => CLEAR_MARK + text.slice(0, MAX_DETAILS);

export const isClearText = (value: unknown): boolean =>
  typeof value === 'string' && value.startsWith(CLEAR_MARK) && value.length <= MAX_DETAILS + 1;
