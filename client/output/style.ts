/**
 * Terminal colour, only where a person reads it: a pipe or a file gets plain text, and NO_COLOR
 * (https://no-color.org) turns it off everywhere.
 */
export function colourEnabled(stream: { isTTY?: boolean } = process.stdout, env = process.env): boolean {
  return stream.isTTY === true && !env['NO_COLOR'];
}

type Paint = (text: string) => string;

function paint(open: number, close: number): Paint {
  return (text) => (colourEnabled() ? `\x1b[${open}m${text}\x1b[${close}m` : text);
}

export const style = {
  bold: paint(1, 22),
  dim: paint(2, 22),
  red: paint(31, 39),
  green: paint(32, 39),
  yellow: paint(33, 39),
  cyan: paint(36, 39),
};

// eslint-disable-next-line no-control-regex -- matching terminal escape codes is the point
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
