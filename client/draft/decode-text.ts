/**
 * A .txt document's bytes to text, only when the encoding is certain: UTF-8 (with or without its
 * mark). UTF-16 and GBK are refused with a sentence saying so, rather than guessed: a wrong guess
 * would put wrong characters (and wrong dates) into the draft.
 */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const SAVE_AS_UTF8 = 'save it as UTF-8 (记事本: 另存为 → 编码 UTF-8) and draft again';

function looksUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return true;
  let zeros = 0;
  const sample = Math.min(bytes.length, 4096);
  for (let i = 0; i < sample; i++) if (bytes[i] === 0) zeros++;
  return sample > 0 && zeros / sample > 0.2;
}

function decodesAs(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (looksUtf16(bytes)) return { ok: false, reason: `it is UTF-16 text, not UTF-8; ${SAVE_AS_UTF8}` };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.includes('\u0000')) return { ok: false, reason: 'it holds binary data, not text' };
    return { ok: true, text };
  } catch {
    const gbk = decodesAs('gbk', bytes);
    const named = gbk
      ? 'it looks like GBK (GB2312/GB18030, the Windows Chinese encoding)'
      : 'its encoding is not known';
    return { ok: false, reason: `it is not UTF-8 text: ${named}; ${SAVE_AS_UTF8}` };
  }
}
