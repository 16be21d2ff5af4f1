/**
 * Just enough of a MIME reader for the tests to check what a mail client would show: unfolded
 * headers, RFC 2047 subjects, multipart/alternative with base64 or quoted-printable parts.
 */

export interface ParsedMail {
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
}

function splitHead(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (match === null) return { head: raw, body: '' };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeQ(text: string, underscoreIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  const source = underscoreIsSpace ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i++) {
    const hex = source.slice(i + 1, i + 3);
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Joins adjacent encoded words as bytes first: a UTF-8 character may be split between two of them. */
export function decodeWords(value: string): string {
  const tokens = value.split(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)/);
  let out = '';
  let pending: Buffer[] = [];
  const flush = (): void => {
    out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (const token of tokens) {
    const word = /^=\?[^?]+\?([BbQq])\?([^?]*)\?=$/.exec(token);
    if (word !== null) {
      const [, encoding = 'B', data = ''] = word;
      pending.push(encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQ(data, true));
    } else if (!(pending.length > 0 && /^\s*$/.test(token))) {
      flush();
      out += token;
    }
  }
  flush();
  return out;
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQ(body, false).toString('utf8');
    default:
      return body;
  }
}

function collectParts(raw: string, into: { text: string; html: string }): void {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary !== undefined) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      collectParts(part.replace(/^\r?\n/, ''), into);
    }
    return;
  }
  const decoded = decodeBody(body, headers.get('content-transfer-encoding'));
  if (type.toLowerCase().startsWith('text/html')) into.html += decoded;
  else if (type.toLowerCase().startsWith('text/plain')) into.text += decoded;
}

export function parseMail(raw: string): ParsedMail {
  const { head } = splitHead(raw);
  const headers = parseHeaders(head);
  const parts = { text: '', html: '' };
  collectParts(raw, parts);
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), ...parts };
}
