import DecimalJs from 'decimal.js';

/**
 * Exact decimal arithmetic for published scores: 9.15 stays 9.15. A private Decimal class (not
 * the library's global one, which anyone could reconfigure) with 40 significant digits: sums and
 * products of plan numbers are exact; a quotient such as 27.5 / 3 is carried to 40 digits and
 * rounded only once, at the end, to the plan's decimals. A quotient that lies exactly on a
 * rounding boundary (…5) has a terminating expansion, so it is held exactly and rounds right.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export type Rounding = 'half-up' | 'half-even' | 'down';

const ROUNDING_MODES: Record<Rounding, DecimalJs.Rounding> = {
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-even': DecimalJs.ROUND_HALF_EVEN,
  down: DecimalJs.ROUND_DOWN,
};

export const ZERO = new Decimal(0);

/** A plan number (already checked to have at most four decimals) as the decimal it was written as. */
export function dec(value: number | string | Decimal): Decimal {
  // String(9.15) is "9.15": the shortest text that reads back as the same double, i.e. what was written.
  return new Decimal(typeof value === 'number' ? String(value) : value);
}

const SCORE_TEXT = /^[+]?(\d+(\.\d*)?|\.\d+)$/;

/** A score typed by a person ("9.15", " 8 ", "9.") as a decimal, or undefined if it is no plain number. */
export function parseScore(text: string): Decimal | undefined {
  const trimmed = text.trim();
  return SCORE_TEXT.test(trimmed) ? new Decimal(trimmed) : undefined;
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), ZERO);
}

export function round(value: Decimal, decimals: number, rounding: Rounding): Decimal {
  return value.toDecimalPlaces(decimals, ROUNDING_MODES[rounding]);
}

/** The text a score is published as: always `decimals` places ("9.20"). */
export function fixed(value: Decimal, decimals: number): string {
  return value.toFixed(decimals);
}

/** Decimals after the point as written ("9.150" has 3). */
export function decimalsOf(value: Decimal): number {
  return value.decimalPlaces();
}
