import { normalizeForMatching } from './normalize-text';
import type { Source } from './draft-model';

/** One line of the document: its number, its own text, and the text the rules match against. */
export interface TextLine {
  number: number;
  text: string;
  norm: string;
}

export function toLines(text: string): TextLine[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => ({ number: i + 1, text: line, norm: normalizeForMatching(line) }));
}

const SENTENCE_END = /[。；;！!？?]/u;
const MAX_QUOTE = 160;

/** The sentence of a line around an offset, trimmed (and shortened) for quoting. */
export function sentenceAt(line: TextLine, at = 0): Source {
  let start = at;
  while (start > 0 && !SENTENCE_END.test(line.text[start - 1] ?? '')) start--;
  let end = at;
  while (end < line.text.length && !SENTENCE_END.test(line.text[end] ?? '')) end++;
  const sentence = line.text.slice(start, Math.min(end + 1, line.text.length)).trim();
  const quoted = sentence.length > MAX_QUOTE ? `${sentence.slice(0, MAX_QUOTE)}…` : sentence;
  return { line: line.number, sentence: quoted };
}

/** A line split into sentences, each with its offset in the line. */
export function sentencesOf(line: TextLine): { offset: number; text: string; norm: string }[] {
  const out: { offset: number; text: string; norm: string }[] = [];
  let start = 0;
  for (let i = 0; i <= line.text.length; i++) {
    if (i === line.text.length || SENTENCE_END.test(line.text[i] ?? '')) {
      if (i > start)
        out.push({ offset: start, text: line.text.slice(start, i + 1), norm: line.norm.slice(start, i + 1) });
      start = i + 1;
    }
  }
  return out;
}
