/** A string literal for a visibility list filter, quotes and backslashes escaped. */
export const filterLiteral = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
