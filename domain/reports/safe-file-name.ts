/**
 * The name an uploaded file is stored under. A browser or a script may send any name: one with
 * folders in it (`../../etc/passwd`, `C:\\x\\y.pdf`), control characters, or nothing but dots. The
 * last path segment is kept, control and reserved characters become `_`, leading dots go, and the
 * name is cut to a length every file system takes; an empty name becomes `file`. The extension,
 * which decides the accepted type, survives when there is one.
 */
const MAX_NAME_CHARS = 120;

// Control characters (C0, DEL, C1) and what Windows refuses in a name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"|?*]/g;

export function safeFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .replace(UNSAFE, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  const name = cleaned === '' ? 'file' : cleaned;
  if (name.length <= MAX_NAME_CHARS) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return `${name.slice(0, MAX_NAME_CHARS - ext.length)}${ext}`;
}
