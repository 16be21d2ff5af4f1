import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../../../domain/cases/case-fingerprint';

/** The key as the rule states it: NFKC, lower case, no spaces, punctuation or symbols. */
const byRule = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

describe('the key that recognises a case by its reference', () => {
  it('is the same for printable ASCII by the quick path as by the rule', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))) }),
        (text) => {
          expect(normalizeKey(text)).toBe(byRule(text));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['XF-2026-00001', 'xf202600001'],
    ['town-a-0001', 'towna0001'],
    ['ＸＦ－２０２６', 'xf2026'],
    ['信访 2026/01 号', '信访202601号'],
    ['tab\there', 'tabhere'],
  ])('turns %j into %j', (text, key) => {
    expect(normalizeKey(text)).toBe(key);
  });
});
