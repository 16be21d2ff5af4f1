import { describe, expect, it } from 'vitest';
import { insertByTime } from '../../../domain/clock/time-ordered';

const at = (atMs: number, what: string) => ({ atMs, what });

describe('a log kept in plan-time order', () => {
  it('puts a late-arriving entry where its time belongs', () => {
    const log = [at(1, 'a'), at(5, 'c')];
    expect(insertByTime(log, at(3, 'b'), 10).map((e) => e.what)).toEqual(['a', 'b', 'c']);
  });

  it('keeps arrival order between entries of the same time', () => {
    const log = [at(1, 'a'), at(3, 'b')];
    expect(insertByTime(log, at(3, 'b2'), 10).map((e) => e.what)).toEqual(['a', 'b', 'b2']);
  });

  it('drops the oldest entries beyond its limit', () => {
    const log = [at(1, 'a'), at(2, 'b'), at(4, 'd')];
    expect(insertByTime(log, at(3, 'c'), 3).map((e) => e.what)).toEqual(['b', 'c', 'd']);
  });
});
