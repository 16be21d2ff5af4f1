import { colourEnabled } from './style';

/**
 * Text from outside (ledger cells, report text, file names, plan fields) is shown, never obeyed:
 * an ESC sequence could move the cursor, retitle the window or hide lines, a bidi override (U+202E)
 * reverses what follows, and a NUL or other control character garbles the terminal. Each is printed
 * as a visible escape instead (\x1b, \u202e, \x00), so the reader sees that the data holds it.
 */

// C0 controls, DEL, C1 controls; bidi embeddings, overrides and isolates, marks; zero-width and BOM.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;
// eslint-disable-next-line no-control-regex -- the colour codes of style.ts, and no other (not 8, "hidden")
const OWN_COLOUR = /\x1b\[(?:1|2|22|31|32|33|36|39)m/y;

function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One table cell or inline value: every control character, tabs and line breaks too, made visible. */
export function safeCell(text: string, keepColour = colourEnabled(process.stdout)): string {
  return escapeControls(text, keepColour, false);
}

/**
 * A whole block of output: line breaks and tabs stay, and so do the colour codes (ESC [ … m) the
 * CLI itself paints with when it paints at all; every other control character is made visible.
 */
export function safeBlock(text: string, keepColour = false): string {
  return escapeControls(text, keepColour, true);
}

function escapeControls(text: string, keepColour: boolean, keepLines: boolean): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    OWN_COLOUR.lastIndex = i;
    const colour = keepColour ? OWN_COLOUR.exec(text) : null;
    if (colour) {
      out += colour[0];
      i += colour[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    out += keepLines && (char === '\n' || char === '\t') ? char : char.replace(UNSAFE, visible);
    i += char.length;
  }
  return out;
}

// Characters JSON.stringify leaves raw but a terminal obeys (it already escapes C0 controls).
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/** JSON whose strings carry C1 controls and bidi overrides as \u escapes: the same value, safe to print. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_UNSAFE,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/** Everything the CLI prints goes through these two. */
export function printOut(text: string): void {
  process.stdout.write(safeBlock(text, colourEnabled(process.stdout)));
}

export function printErr(text: string): void {
  process.stderr.write(safeBlock(text, colourEnabled(process.stderr)));
}
