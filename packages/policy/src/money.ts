/**
 * Money as a whole number of fen (分). Fees and custody balances are added, split and refunded many times over; in
 * floats 0.1 + 0.2 ≠ 0.3, a fen drifts here and there and a ledger stops balancing. So an amount is a safe integer of
 * fen, every result is checked to stay one (RangeError otherwise), and products and quotients are worked in BigInt.
 *
 * Input is never rounded: a yuan figure with more than 2 decimals is refused. Where a computed share falls between two
 * fen, the caller names the rounding (as Java's RoundingMode: symmetric about zero, so a refund rounds like its fee):
 *   half-up    to the nearest fen, a half away from zero   2.5 → 3, -2.5 → -3   (四舍五入)
 *   half-even  to the nearest fen, a half to the even fen  2.5 → 2, 3.5 → 4     (银行家舍入; no bias over many rows)
 *   down       toward zero, the fraction dropped           2.9 → 2, -2.9 → -2   (舍去)
 *   up         away from zero, any fraction takes a fen    2.1 → 3, -2.1 → -3   (进一)
 */
import type { z } from 'zod';

/** An amount in fen: a safe integer. Made by the constructors here and by the contracts' `Money` schemas. */
export type Fen = number & z.$brand<'Fen'>;

export const ROUNDINGS = ['half-up', 'half-even', 'down', 'up'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

/** A rate: basis points (1 bp = 0.01 %, 10 000 = 100 %) or an exact fraction of integers. */
export type Rate = { basisPoints: number } | { numerator: number; denominator: number };

export const ZERO = 0 as Fen;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

function checked(value: number | bigint, op: string): Fen {
  if (typeof value === 'bigint') {
    if (value > MAX || value < -MAX) throw new RangeError(`money.${op}: ${value} fen is beyond the safe integer range`);
    return Number(value) as Fen;
  }
  if (!Number.isSafeInteger(value)) {
    const why = Number.isInteger(value) ? 'is beyond the safe integer range' : 'is not a whole number of fen';
    throw new RangeError(`money.${op}: ${value} ${why}`);
  }
  return (value === 0 ? 0 : value) as Fen; // never -0
}

function wholeNumber(value: number, name: string, op: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`money.${op}: ${name} ${value} is not a safe integer`);
  return BigInt(value);
}

/** A finite number as units × 10^-scale, read from the decimal JavaScript prints for it (String(n)), exponent and all. */
function decimalOf(n: number, op: string): { units: bigint; scale: number } {
  const m = /^(-?\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) throw new RangeError(`money.${op}: ${n} is not a finite number`);
  const fraction = m[2] ?? '';
  const scale = fraction.length - Number(m[3] ?? 0);
  const units = BigInt(`${m[1]}${fraction}`);
  return scale >= 0 ? { units, scale } : { units: units * 10n ** BigInt(-scale), scale: 0 };
}

/** n / d as an integer by `rounding`; d > 0. */
function divide(n: bigint, d: bigint, rounding: Rounding): bigint {
  const quotient = n / d; // toward zero
  const remainder = n % d; // sign of n
  if (remainder === 0n) return quotient;
  const away = quotient + (n < 0n ? -1n : 1n);
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  switch (rounding) {
    case 'down':
      return quotient;
    case 'up':
      return away;
    case 'half-up':
      return twice >= d ? away : quotient;
    case 'half-even':
      return twice > d || (twice === d && quotient % 2n !== 0n) ? away : quotient;
    default:
      throw new RangeError(`money: unknown rounding '${rounding as string}'`);
  }
}

export function isFen(value: unknown): value is Fen {
  return Number.isSafeInteger(value);
}

/** An integer number of fen; throws a RangeError on a fraction or beyond ±(2^53 − 1). */
export function fen(amount: number): Fen {
  return checked(amount, 'fen');
}

/** Below this many yuan a figure has at most 15 significant digits, which a float carries exactly. */
export const YUAN_NUMBER_LIMIT = 1e13;

/**
 * A yuan figure as written in code or data: 12.3 → 1230 fen, exactly, read from the decimal JavaScript prints for the
 * number (so 19.99 is 1999 although 19.99 × 100 is 1998.9999999999998). More than 2 decimals throws, never rounds:
 * yuan(0.1 + 0.2) throws because that number prints as 0.30000000000000004. From ¥10 000 000 000 000 up a float no
 * longer holds every fen, so that throws too; such amounts come in as text (parseYuan) or fen.
 */
export function yuan(amount: number): Fen {
  const { units, scale } = decimalOf(amount, 'yuan');
  if (scale > 2) throw new RangeError(`money.yuan: ${amount} has more than 2 decimals; round it explicitly`);
  if (Math.abs(amount) >= YUAN_NUMBER_LIMIT) throw new RangeError(`money.yuan: ${amount} is too large for a float to hold to the fen`);
  return checked(units * 10n ** BigInt(2 - scale), 'yuan');
}

export type YuanTextProblem = 'empty' | 'invalid' | 'too_many_decimals' | 'out_of_range';
export type ParsedYuan = { ok: true; value: Fen } | { ok: false; problem: YuanTextProblem };

export const yuanTextProblemText: Record<YuanTextProblem, { 'zh-CN': string; en: string }> = {
  empty: { 'zh-CN': '请输入金额', en: 'Enter an amount' },
  invalid: { 'zh-CN': '金额格式不正确，例如 1,234.50', en: 'Not an amount; for example 1,234.50' },
  too_many_decimals: { 'zh-CN': '金额最多两位小数（精确到分）', en: 'At most 2 decimals (to the fen)' },
  out_of_range: { 'zh-CN': '金额超出范围', en: 'Amount out of range' },
};

// sign, symbol (¥ / CN¥), sign, integer digits (grouped by 3 with commas, or none at all), fraction, 元
const YUAN_TEXT = /^([+\-−]?)\s*(?:(?:CN)?¥\s*([+\-−]?)\s*)?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?\s*元?$/;

/**
 * A yuan amount a person typed or pasted: '1,234.5', '¥12.30', '-¥5', '¥-5', '12.3元', '.5', full-width digits and
 * signs (￥１２．３０). Digits are read as text, never through a float. Commas must group by three; decimals past the
 * second must be zeros ('12.300' is fine, '12.345' is too_many_decimals).
 */
export function parseYuan(text: string): ParsedYuan {
  const s = text.normalize('NFKC').trim();
  if (s === '') return { ok: false, problem: 'empty' };
  const m = s.length <= 64 ? YUAN_TEXT.exec(s) : null;
  const [, sign = '', signAfterSymbol = '', whole = '', fraction = ''] = m ?? [];
  if (!m || (sign && signAfterSymbol) || (whole === '' && fraction === '')) return { ok: false, problem: 'invalid' };
  if (/[^0]/.test(fraction.slice(2))) return { ok: false, problem: 'too_many_decimals' };
  const units = BigInt(`${whole.replaceAll(',', '') || '0'}${fraction.slice(0, 2).padEnd(2, '0')}`);
  if (units > MAX) return { ok: false, problem: 'out_of_range' };
  return { ok: true, value: checked(/[-−]/.test(sign + signAfterSymbol) ? -units : units, 'parseYuan') };
}

/** A PostgreSQL bigint as the driver hands it over (text by default) → Fen; throws past the safe integer range. */
export function fromDbBigint(value: string | number | bigint): Fen {
  if (typeof value !== 'string') return checked(value, 'fromDbBigint');
  if (!/^-?\d+$/.test(value)) throw new RangeError(`money.fromDbBigint: '${value}' is not an integer`);
  return checked(BigInt(value), 'fromDbBigint');
}

export function add(a: Fen, b: Fen): Fen {
  return checked(a + b, 'add');
}

export function sub(a: Fen, b: Fen): Fen {
  return checked(a - b, 'sub');
}

/** Exact even when a running total would pass the safe range on the way. */
export function sum(amounts: readonly Fen[]): Fen {
  return checked(amounts.reduce((total, a) => total + BigInt(a), 0n), 'sum');
}

export function negate(a: Fen): Fen {
  return checked(-a, 'negate');
}

export function abs(a: Fen): Fen {
  return checked(Math.abs(a), 'abs');
}

export function compare(a: Fen, b: Fen): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const eq = (a: Fen, b: Fen): boolean => a === b;
export const lt = (a: Fen, b: Fen): boolean => a < b;
export const lte = (a: Fen, b: Fen): boolean => a <= b;
export const gt = (a: Fen, b: Fen): boolean => a > b;
export const gte = (a: Fen, b: Fen): boolean => a >= b;
export const isZero = (a: Fen): boolean => a === 0;
export const isNegative = (a: Fen): boolean => a < 0;
export const isPositive = (a: Fen): boolean => a > 0;

export function min(first: Fen, ...rest: Fen[]): Fen {
  return rest.reduce((m, a) => (a < m ? a : m), first);
}

export function max(first: Fen, ...rest: Fen[]): Fen {
  return rest.reduce((m, a) => (a > m ? a : m), first);
}

/** A price times a whole quantity (sessions, students, months). */
export function multiply(amount: Fen, quantity: number): Fen {
  return checked(BigInt(amount) * wholeNumber(quantity, 'quantity', 'multiply'), 'multiply');
}

/** amount × rate, rounded as named: percentOf(fee, { basisPoints: 550 }, 'half-up') is 5.5 % of the fee. */
export function percentOf(amount: Fen, rate: Rate, rounding: Rounding): Fen {
  const [numerator, denominator] =
    'basisPoints' in rate
      ? [wholeNumber(rate.basisPoints, 'basisPoints', 'percentOf'), 10_000n]
      : [wholeNumber(rate.numerator, 'numerator', 'percentOf'), wholeNumber(rate.denominator, 'denominator', 'percentOf')];
  if (denominator <= 0n) throw new RangeError(`money.percentOf: denominator ${denominator} is not positive`);
  return checked(divide(BigInt(amount) * numerator, denominator, rounding), 'percentOf');
}

/**
 * amount × part / whole, 0 ≤ part ≤ whole, rounded as named: the refund for 7 of 20 sessions not taken is
 * prorate(fee, 7, 20, 'down'). When the parts of a whole must add up to the amount, use allocate instead.
 */
export function prorate(amount: Fen, part: number, whole: number, rounding: Rounding): Fen {
  const p = wholeNumber(part, 'part', 'prorate');
  const w = wholeNumber(whole, 'whole', 'prorate');
  if (w <= 0n || p < 0n || p > w) throw new RangeError(`money.prorate: needs 0 ≤ part ≤ whole, 0 < whole; got ${part} / ${whole}`);
  return checked(divide(BigInt(amount) * p, w, rounding), 'prorate');
}

/**
 * `total` split in proportion to `weights` (non-negative; integers, or decimals such as 0.3 read as written), the
 * parts summing to exactly `total`: each part is its exact share rounded toward zero, then the fen left over go one
 * each to the largest remainders, the earlier index first on a tie (largest-remainder method). So no part is a whole
 * fen from its exact share, a zero weight gets nothing, and a negative total splits as its opposite, negated.
 */
export function allocate(total: Fen, weights: readonly number[]): Fen[] {
  const decimals = weights.map((w, i) => {
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`money.allocate: weight ${i} is ${w}, not finite and ≥ 0`);
    return decimalOf(w, 'allocate');
  });
  const scale = decimals.reduce((s, d) => Math.max(s, d.scale), 0);
  const units = decimals.map((d) => d.units * 10n ** BigInt(scale - d.scale));
  const whole = units.reduce((s, u) => s + u, 0n);
  if (whole === 0n) throw new RangeError('money.allocate: no weights, or all of them zero');

  const t = BigInt(total);
  const magnitude = t < 0n ? -t : t;
  const shares = units.map((u) => ({ part: (magnitude * u) / whole, remainder: (magnitude * u) % whole }));
  let left = magnitude - shares.reduce((s, share) => s + share.part, 0n);
  // Array.prototype.sort is stable, so equal remainders keep index order.
  for (const share of [...shares].sort((a, b) => (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1))) {
    if (left === 0n) break;
    share.part += 1n;
    left -= 1n;
  }
  return shares.map((share) => checked(t < 0n ? -share.part : share.part, 'allocate'));
}

/** `total` in n equal parts, the odd fen to the first ones: ¥100 three ways is 33.34, 33.33, 33.33. */
export function split(total: Fen, n: number): Fen[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`money.split: ${n} is not a positive whole number of parts`);
  return allocate(total, new Array<number>(n).fill(1));
}

function yuanDigits(amount: Fen): { sign: '' | '-'; whole: string; cents: string } {
  const digits = String(Math.abs(amount)).padStart(3, '0');
  return { sign: amount < 0 ? '-' : '', whole: digits.slice(0, -2), cents: digits.slice(-2) };
}

/** As Intl writes CNY: 'zh-CN' ¥1,234.56, 'en' CN¥1,234.56 (so it is not read as yen); negative -¥12.30. */
export interface YuanFormat {
  locale: 'zh-CN' | 'en';
  /** Default true; false gives 1,234.56. */
  symbol?: boolean;
}

const currencySymbol = { 'zh-CN': '¥', en: 'CN¥' } as const;

export function formatYuan(amount: Fen, { locale, symbol = true }: YuanFormat): string {
  const { sign, whole, cents } = yuanDigits(amount);
  return `${sign}${symbol ? currencySymbol[locale] : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}

/** Plain yuan with two decimals for Excel and other exports: '1234.56', '-12.30'. */
export function toYuanString(amount: Fen): string {
  const { sign, whole, cents } = yuanDigits(amount);
  return `${sign}${whole}.${cents}`;
}
