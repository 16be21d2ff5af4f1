import { escapeHtml } from '../notify/templates';

/** Report sections as data, and their Markdown and HTML forms; every cell is escaped here. */

export interface Table {
  columns: string[];
  rows: string[][];
}

export interface Section {
  heading: string;
  level: 2 | 3;
  paragraphs?: string[];
  table?: Table;
  items?: string[];
}

export function renderMarkdown(title: string, sections: readonly Section[]): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const lines = [`# ${title}`, ''];
  for (const section of sections) {
    lines.push(`${'#'.repeat(section.level)} ${section.heading}`, '');
    for (const paragraph of section.paragraphs ?? []) lines.push(paragraph, '');
    if (section.table !== undefined) {
      lines.push(`| ${section.table.columns.map(cell).join(' | ')} |`);
      lines.push(`|${section.table.columns.map(() => ' --- |').join('')}`);
      for (const row of section.table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
      lines.push('');
    }
    if (section.items !== undefined) lines.push(...section.items.map((item) => `- ${item}`), '');
  }
  return lines.join('\n');
}

export function renderHtml(title: string, sections: readonly Section[], locale: 'zh' | 'en'): string {
  const parts = [
    `<!doctype html><html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}' +
      'table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.25rem .6rem;text-align:left}' +
      'th{background:#f0f0f0}</style></head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
  ];
  for (const section of sections) {
    parts.push(`<h${section.level}>${escapeHtml(section.heading)}</h${section.level}>`);
    for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${escapeHtml(paragraph)}</p>`);
    if (section.table !== undefined) {
      const head = section.table.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
      const body = section.table.rows
        .map((row) => `<tr>${row.map((value) => `<td>${escapeHtml(value)}</td>`).join('')}</tr>`)
        .join('\n');
      parts.push(`<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`);
    }
    if (section.items !== undefined) {
      parts.push(`<ul>${section.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    }
  }
  parts.push('</body></html>', '');
  return parts.join('\n');
}
