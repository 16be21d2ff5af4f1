import type { FastifyInstance } from 'fastify';

export type FormBody = Record<string, string | string[]>;

/** Forms are small: a reason, a date, a few unit ids. */
export const FORM_BYTES = 64 * 1024;

/**
 * Parses `application/x-www-form-urlencoded` for the console's own routes only (the plugin scope
 * it is added to): the JSON API keeps taking JSON. A repeated field (a multi-select) is a list.
 */
export function addFormParser(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BYTES },
    (_request, body, done) => {
      const form: FormBody = {};
      for (const [key, value] of new URLSearchParams(body as string)) {
        const had = form[key];
        form[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
      }
      done(null, form);
    },
  );
}

export const one = (form: FormBody, key: string): string | undefined => {
  const value = form[key];
  return Array.isArray(value) ? value[0] : value;
};

export const many = (form: FormBody, key: string): string[] => {
  const value = form[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

/** A form field left empty is a field not given. */
export const given = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();
