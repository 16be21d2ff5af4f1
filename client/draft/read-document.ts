import { stat } from 'node:fs/promises';
import { readBoundedFile } from '../../activities/files/bounded-file';
import path from 'node:path';
import { CliError, EXIT } from '../errors';
import { decodeText } from './decode-text';

/**
 * The office's document as text: .txt (UTF-8), .docx (mammoth), .doc (word-extractor) or a text
 * .pdf (unpdf). Every refusal is one sentence naming the file; the caller writes nothing.
 */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

const KINDS = ['.txt', '.text', '.docx', '.doc', '.pdf'] as const;
type Kind = (typeof KINDS)[number];

function refuse(file: string, reason: string, hint?: string): CliError {
  return new CliError(
    `cannot draft from ${file}: ${reason}`,
    EXIT.failed,
    hint ?? 'nothing was written',
    'unreadable_document',
  );
}

async function docxText(file: string, bytes: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw refuse(
      file,
      'it is not a readable .docx (the file is damaged or is not a Word document)',
      'open it in Word, save it again as .docx, and draft again; nothing was written',
    );
  }
}

async function docText(file: string, bytes: Buffer): Promise<string> {
  const { default: WordExtractor } = await import('word-extractor');
  try {
    return (await new WordExtractor().extract(bytes)).getBody();
  } catch {
    throw refuse(file, 'it is not a readable .doc (the file is damaged or is not a Word 97–2003 document)');
  }
}

async function pdfText(file: string, bytes: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let text: string;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    text = (await extractText(pdf, { mergePages: true })).text;
  } catch {
    throw refuse(file, 'it is not a readable PDF (the file is damaged or is not a PDF)');
  }
  if (text.trim() === '') {
    throw refuse(
      file,
      'the PDF has no text (it is empty, or a scan: pages as images)',
      'draft from the Word file the PDF was made from, or from text recognised (OCR) out of it; nothing was written',
    );
  }
  return text;
}

export async function readDocument(file: string): Promise<string> {
  const kind = path.extname(file).toLowerCase() as Kind;
  if (!KINDS.includes(kind))
    throw refuse(
      file,
      `campaign draft reads .txt, .docx, .doc and .pdf documents, not "${path.extname(file) || 'no extension'}"`,
    );
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw refuse(
      file,
      code === 'ENOENT' ? 'there is no such file' : 'the file cannot be read',
      'check the path (it is relative to the current directory)',
    );
  }
  if (size > MAX_DOCUMENT_BYTES)
    throw refuse(file, `it is ${(size / 1024 / 1024).toFixed(0)} MB; a work plan document is at most 50 MB`);
  // The size seen above may change before the read: the read itself is bounded (and refuses a FIFO).
  const bytes = await readBoundedFile(file, MAX_DOCUMENT_BYTES);
  if (kind === '.docx') return docxText(file, bytes);
  if (kind === '.doc') return docText(file, bytes);
  if (kind === '.pdf') return pdfText(file, bytes);
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw refuse(file, decoded.reason);
  return decoded.text;
}
