import { describe, expect, it } from 'vitest';
import { filterLiteral } from '../../temporal-client/list-filter';

describe('a string literal in a visibility list filter', () => {
  it('quotes plain ids as they are and escapes what would end the literal', () => {
    expect(filterLiteral('campaign:county-2026')).toBe("'campaign:county-2026'");
    expect(filterLiteral("it's")).toBe("'it\\'s'");
    expect(filterLiteral('a\\')).toBe("'a\\\\'");
  });
});
