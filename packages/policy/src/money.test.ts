import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  allocate,
  compare,
  type Fen,
  fen,
  formatYuan,
  fromDbBigint,
  max,
  min,
  multiply,
  negate,
  parseYuan,
  percentOf,
  prorate,
  ROUNDINGS,
  type Rounding,
  split,
  sub,
  sum,
  toYuanString,
  yuan,
  ZERO,
} from './money';

const MAX = Number.MAX_SAFE_INTEGER;
const anyAmount = fc.maxSafeInteger().map(fen);
const everyday = fc.integer({ min: -10_000_000_00, max: 10_000_000_00 }).map(fen);
const rounding = fc.constantFrom(...ROUNDINGS);
const parsed = (text: string) => {
  const result = parseYuan(text);
  if (!result.ok) throw new Error(`${text}: ${result.problem}`);
  return result.value;
};

/** A second, floor-based way to round n / d (d > 0), to check the module's truncation-based one. */
function referenceRound(n: bigint, d: bigint, mode: Rounding): bigint {
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
  const over = n - floor * d; // 0 ≤ over < d
  if (over === 0n) return floor;
  const ceil = floor + 1n;
  const towardZero = n < 0n ? ceil : floor;
  const awayFromZero = n < 0n ? floor : ceil;
  if (mode === 'down') return towardZero;
  if (mode === 'up') return awayFromZero;
  if (2n * over < d) return floor;
  if (2n * over > d) return ceil;
  return mode === 'half-up' ? awayFromZero : floor % 2n === 0n ? floor : ceil;
}

describe('money: integer fen, never floats', () => {
  it('¥100 three ways is 33.34, 33.33, 33.33 and sums back to ¥100', () => {
    const parts = split(yuan(100), 3);
    expect(parts).toEqual([3334, 3333, 3333]);
    expect(sum(parts)).toBe(yuan(100));
    expect(parts.map(toYuanString)).toEqual(['33.34', '33.33', '33.33']);
  });

  it('0.1 + 0.2 is 0.3 exactly', () => {
    expect(add(yuan(0.1), yuan(0.2))).toBe(yuan(0.3));
    expect(add(parsed('0.1'), parsed('0.2'))).toBe(parsed('0.3'));
    expect(sum([yuan(0.1), yuan(0.2), yuan(-0.3)])).toBe(ZERO);
    expect(yuan(19.99)).toBe(1999); // 19.99 × 100 is 1998.9999999999998
    expect(yuan(1.15)).toBe(115); // 1.15 × 100 is 114.99999999999999
    expect(toYuanString(add(yuan(0.1), yuan(0.2)))).toBe('0.30');
  });

  it('fen and yuan refuse fractions of a fen rather than round them', () => {
    expect(fen(-0)).toBe(0);
    expect(yuan(12.3)).toBe(1230);
    expect(yuan(-0.05)).toBe(-5);
    expect(yuan(9_999_999_999_999.99)).toBe(999_999_999_999_999);
    expect(() => yuan(90_071_992_547_409.91)).toThrow(/too large for a float/);
    expect(() => fen(1.5)).toThrow(/not a whole number/);
    expect(() => fen(Number.NaN)).toThrow(RangeError);
    expect(() => fen(2 ** 53)).toThrow(/safe integer range/);
    expect(() => yuan(0.1 + 0.2)).toThrow(/more than 2 decimals/);
    expect(() => yuan(1.005)).toThrow(/more than 2 decimals/);
    expect(() => yuan(1e-7)).toThrow(/more than 2 decimals/);
    expect(() => yuan(1e21)).toThrow(/too large for a float/);
    expect(() => yuan(Number.POSITIVE_INFINITY)).toThrow(/not a finite number/);
  });

  it('yuan of a two-decimal figure is its fen', () => {
    fc.assert(fc.property(fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }), (n) => yuan(Number(toYuanString(fen(n)))) === n));
  });

  it('fromDbBigint reads the driver’s text', () => {
    expect(fromDbBigint('123456')).toBe(123456);
    expect(fromDbBigint('-5')).toBe(-5);
    expect(fromDbBigint(7n)).toBe(7);
    expect(fromDbBigint(String(MAX))).toBe(MAX);
    expect(() => fromDbBigint('9007199254740992')).toThrow(RangeError);
    expect(() => fromDbBigint('12.5')).toThrow(RangeError);
  });
});

describe('money: parsing what people type', () => {
  it.each([
    ['1,234.5', 123450],
    ['¥12.30', 1230],
    ['12.30', 1230],
    ['12', 1200],
    ['0', 0],
    ['-0', 0],
    ['.5', 50],
    ['-¥12.30', -1230],
    ['¥-12.30', -1230],
    ['+5', 500],
    ['CN¥1,234,567.89', 123456789],
    ['￥１，２３４．５０', 123450],
    ['−3.1', -310],
    ['  ¥ 8 ', 800],
    ['12.3元', 1230],
    ['12.300', 1230],
    ['007', 700],
    ['90,071,992,547,409.91', MAX],
  ])('%s → %i fen', (text, value) => {
    expect(parseYuan(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'invalid'],
    ['¥', 'invalid'],
    ['12,34', 'invalid'],
    ['1,2345', 'invalid'],
    ['12.', 'invalid'],
    ['1e3', 'invalid'],
    ['0x10', 'invalid'],
    ['--1', 'invalid'],
    ['-¥-1', 'invalid'],
    ['1.2.3', 'invalid'],
    ['12.345', 'too_many_decimals'],
    ['0.001', 'too_many_decimals'],
    ['90,071,992,547,409.92', 'out_of_range'],
    ['99999999999999999999999', 'out_of_range'],
  ])('%j → %s', (text, problem) => {
    expect(parseYuan(text)).toEqual({ ok: false, problem });
  });

  it('answers long text at once', () => {
    expect(parseYuan(`-${' '.repeat(100_000)}x`)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof parseYuan(text).ok === 'boolean'));
  });
});

describe('money: formatting', () => {
  it('writes yuan with grouping, two decimals and the sign first', () => {
    expect(formatYuan(fen(123456), { locale: 'zh-CN' })).toBe('¥1,234.56');
    expect(formatYuan(fen(-1230), { locale: 'zh-CN' })).toBe('-¥12.30');
    expect(formatYuan(fen(5), { locale: 'zh-CN' })).toBe('¥0.05');
    expect(formatYuan(fen(123456), { locale: 'en' })).toBe('CN¥1,234.56');
    expect(formatYuan(fen(-100000000), { locale: 'zh-CN', symbol: false })).toBe('-1,000,000.00');
    expect(toYuanString(fen(123456))).toBe('1234.56');
    expect(toYuanString(fen(-1230))).toBe('-12.30');
    expect(toYuanString(ZERO)).toBe('0.00');
  });

  it('parse(format(x)) is x for every safe amount, in each locale, with and without the symbol', () => {
    fc.assert(
      fc.property(anyAmount, fc.constantFrom('zh-CN' as const, 'en' as const), fc.boolean(), (x, locale, symbol) => {
        expect(parsed(formatYuan(x, { locale, symbol }))).toBe(x);
        expect(parsed(toYuanString(x))).toBe(x);
      }),
    );
  });

  it('agrees with Intl’s CNY currency format', () => {
    fc.assert(
      fc.property(anyAmount, fc.constantFrom('zh-CN' as const, 'en' as const), (x, locale) => {
        const intl = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
        expect(formatYuan(x, { locale })).toBe(intl.format(toYuanString(x) as `${number}`));
      }),
    );
  });
});

describe('money: arithmetic stays exact or throws', () => {
  const half = fc.integer({ min: -Math.floor(MAX / 2), max: Math.floor(MAX / 2) }).map(fen);

  it('add and sub are inverse', () => {
    fc.assert(
      fc.property(half, half, (a, b) => {
        expect(sub(add(a, b), b)).toBe(a);
        expect(add(sub(a, b), b)).toBe(a);
        expect(add(a, negate(a))).toBe(ZERO);
      }),
    );
  });

  it('compares, negates, takes min, max and abs', () => {
    expect(compare(fen(1), fen(2))).toBe(-1);
    expect(compare(fen(2), fen(2))).toBe(0);
    expect(compare(fen(3), fen(2))).toBe(1);
    expect(Object.is(negate(ZERO), 0)).toBe(true);
    expect(min(fen(3), fen(-1), fen(2))).toBe(-1);
    expect(max(fen(3), fen(-1), fen(2))).toBe(3);
    expect(abs(fen(-MAX))).toBe(MAX);
    expect(multiply(yuan(12.5), 3)).toBe(3750);
    expect(Object.is(multiply(ZERO, -3), 0)).toBe(true);
  });

  it('throws a RangeError instead of leaving the safe range', () => {
    const top = fen(MAX);
    expect(() => add(top, fen(1))).toThrow(/money\.add: .* safe integer range/);
    expect(() => sub(negate(top), fen(1))).toThrow(RangeError);
    expect(() => sum([top, top])).toThrow(/money\.sum/);
    expect(sum([top, fen(1), fen(-1)])).toBe(MAX); // exact even past the range on the way
    expect(() => multiply(fen(2 ** 52), 2)).toThrow(/money\.multiply/);
    expect(() => multiply(fen(100), 1.5)).toThrow(/quantity 1.5 is not a safe integer/);
    expect(() => percentOf(top, { numerator: 3, denominator: 2 }, 'down')).toThrow(/money\.percentOf/);
    fc.assert(
      fc.property(anyAmount, fc.integer({ min: 2, max: 1000 }), (a, q) => {
        const exact = BigInt(a) * BigInt(q);
        if (exact > BigInt(MAX) || exact < -BigInt(MAX)) expect(() => multiply(a, q)).toThrow(RangeError);
        else expect(multiply(a, q)).toBe(Number(exact));
      }),
    );
  });
});

describe('money: percentages and proration round as named', () => {
  it.each([
    ['half-up', 3, -3, 2, -2],
    ['half-even', 2, -2, 2, -2],
    ['down', 2, -2, 2, -2],
    ['up', 3, -3, 3, -3],
  ] as const)('%s: 2.5 → %i, -2.5 → %i, 2.1 → %i, -2.1 → %i', (mode, a, b, c, d) => {
    expect(percentOf(fen(25), { numerator: 1, denominator: 10 }, mode)).toBe(a);
    expect(percentOf(fen(-25), { numerator: 1, denominator: 10 }, mode)).toBe(b);
    expect(percentOf(fen(21), { numerator: 1, denominator: 10 }, mode)).toBe(c);
    expect(percentOf(fen(-21), { numerator: 1, denominator: 10 }, mode)).toBe(d);
  });

  it('half-even rounds 3.5 up to 4', () => {
    expect(percentOf(fen(35), { numerator: 1, denominator: 10 }, 'half-even')).toBe(4);
  });

  it('basis points: 5.5 % of ¥123.45', () => {
    expect(percentOf(yuan(123.45), { basisPoints: 550 }, 'half-up')).toBe(679); // 678.975
    expect(percentOf(yuan(123.45), { basisPoints: 550 }, 'down')).toBe(678);
    expect(percentOf(yuan(123.45), { basisPoints: 10_000 }, 'down')).toBe(12345);
    expect(() => percentOf(yuan(1), { basisPoints: 5.5 }, 'down')).toThrow(RangeError);
    expect(() => percentOf(yuan(1), { numerator: 1, denominator: 0 }, 'down')).toThrow(RangeError);
  });

  it('agrees with a BigInt reference in every rounding mode', () => {
    fc.assert(
      fc.property(
        anyAmount,
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        rounding,
        (amount, numerator, denominator, mode) => {
          const expected = referenceRound(BigInt(amount) * BigInt(numerator), BigInt(denominator), mode);
          if (expected > BigInt(MAX) || expected < -BigInt(MAX)) {
            expect(() => percentOf(amount, { numerator, denominator }, mode)).toThrow(RangeError);
          } else {
            expect(percentOf(amount, { numerator, denominator }, mode)).toBe(Number(expected));
          }
        },
      ),
    );
    fc.assert(
      fc.property(everyday, fc.integer({ min: 0, max: 10_000 }), rounding, (amount, basisPoints, mode) => {
        const expected = referenceRound(BigInt(amount) * BigInt(basisPoints), 10_000n, mode);
        expect(percentOf(amount, { basisPoints }, mode)).toBe(Number(expected));
      }),
    );
  });

  it('prorates the days not taken', () => {
    expect(prorate(yuan(1000), 7, 20, 'down')).toBe(35000);
    expect(prorate(yuan(100), 1, 3, 'down')).toBe(3333);
    expect(prorate(yuan(100), 1, 3, 'up')).toBe(3334);
    expect(prorate(yuan(100), 2, 3, 'half-up')).toBe(6667);
    expect(prorate(yuan(100), 0, 3, 'up')).toBe(0);
    expect(prorate(fen(MAX), 3, 3, 'down')).toBe(MAX);
    expect(() => prorate(yuan(100), 4, 3, 'down')).toThrow(RangeError);
    expect(() => prorate(yuan(100), 1, 0, 'down')).toThrow(RangeError);
    expect(() => prorate(yuan(100), -1, 3, 'down')).toThrow(RangeError);
    fc.assert(
      fc.property(anyAmount, fc.integer({ min: 1, max: 400 }), fc.nat(400), rounding, (amount, whole, p, mode) => {
        const part = p % (whole + 1);
        const expected = referenceRound(BigInt(amount) * BigInt(part), BigInt(whole), mode);
        expect(prorate(amount, part, whole, mode)).toBe(Number(expected));
      }),
    );
  });
});

describe('money: allocation without drift', () => {
  const weights = fc.array(fc.nat(1000), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0));

  /** |part − total × w / W| < 1 fen, in exact integers. */
  const withinAFen = (total: Fen, ws: number[], parts: Fen[]) => {
    const whole = BigInt(ws.reduce((s, w) => s + w, 0));
    parts.forEach((part, i) => {
      const off = BigInt(part) * whole - BigInt(total) * BigInt(ws[i]!);
      expect(off < whole && off > -whole).toBe(true);
    });
  };

  it('sums to the total, each part within a fen of its exact share', () => {
    fc.assert(
      fc.property(anyAmount, weights, (total, ws) => {
        const parts = allocate(total, ws);
        expect(parts).toHaveLength(ws.length);
        expect(sum(parts)).toBe(total);
        withinAFen(total, ws, parts);
        ws.forEach((w, i) => w === 0 && expect(parts[i]).toBe(0));
      }),
    );
  });

  it('reads decimal ratios as written, the same as the integers they scale to', () => {
    fc.assert(
      fc.property(everyday, weights, (total, ws) => {
        expect(allocate(total, ws.map((w) => w / 100))).toEqual(allocate(total, ws));
      }),
    );
    expect(allocate(yuan(10), [0.5, 0.3, 0.2])).toEqual([500, 300, 200]);
    expect(allocate(fen(100), [1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
  });

  it('splits a negative total as its opposite, negated', () => {
    fc.assert(
      fc.property(anyAmount, weights, (total, ws) => {
        expect(allocate(negate(total), ws)).toEqual(allocate(total, ws).map(negate));
      }),
    );
  });

  it('gives the odd fen to the largest remainders, the earlier index on a tie', () => {
    expect(allocate(fen(2), [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(fen(-2), [1, 1, 1])).toEqual([-1, -1, 0]);
    expect(allocate(fen(5), [0, 1, 0, 1])).toEqual([0, 3, 0, 2]);
    expect(allocate(fen(10), [1, 2, 2])).toEqual([2, 4, 4]);
    expect(allocate(fen(11), [1, 2, 2])).toEqual([2, 5, 4]); // remainders 1/5, 2/5, 2/5
    expect(allocate(fen(3), [3, 1, 1, 1])).toEqual([2, 1, 0, 0]); // 1.5, 0.5, 0.5, 0.5
    expect(allocate(ZERO, [1, 2])).toEqual([0, 0]);
  });

  it('refuses weights it cannot split by', () => {
    expect(() => allocate(fen(100), [])).toThrow(RangeError);
    expect(() => allocate(fen(100), [0, 0])).toThrow(RangeError);
    expect(() => allocate(fen(100), [1, -1])).toThrow(RangeError);
    expect(() => allocate(fen(100), [1, Number.NaN])).toThrow(RangeError);
    expect(() => allocate(fen(100), [1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it('split: equal parts within a fen of each other, larger first, summing back', () => {
    fc.assert(
      fc.property(anyAmount, fc.integer({ min: 1, max: 120 }), (total, n) => {
        const parts = split(total, n);
        expect(parts).toHaveLength(n);
        expect(sum(parts)).toBe(total);
        withinAFen(total, new Array<number>(n).fill(1), parts);
        expect(Math.abs(parts[0]! - parts[n - 1]!)).toBeLessThanOrEqual(1);
        expect(parts.every((p, i) => i === 0 || Math.abs(p) <= Math.abs(parts[i - 1]!))).toBe(true);
      }),
    );
    expect(() => split(fen(100), 0)).toThrow(RangeError);
    expect(() => split(fen(100), 2.5)).toThrow(RangeError);
  });
});
