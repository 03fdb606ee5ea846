/** Money on the wire: a JSON integer of fen (分), parsed into the policy package's `Fen` that the money rules take. */
import type { Fen } from '@shuangjian/policy';
import { z } from 'zod';

const NOT_FEN = '金额应为以分计的整数';
const OUT_OF_RANGE = '金额超出范围';

/** Parsing gives the rules' `Fen`, so an amount from a request goes straight into add, allocate, prorate … */
type FenSchema = z.core.$ZodType<Fen, number>;

// z.int() accepts safe integers only (±(2^53 − 1)), the same range the money rules check.
const fenInt = () =>
  z.int({ error: (issue) => (issue.code === 'too_big' || issue.code === 'too_small' ? OUT_OF_RANGE : NOT_FEN) });

export const Money = fenInt()
  .brand<'Fen'>()
  .meta({
    description: '金额，以分计的整数（¥12.30 记为 1230）；负数表示退款或冲正。Amount in fen (1/100 yuan), an integer.',
  }) satisfies FenSchema;
export type Money = z.infer<typeof Money>;

export const NonNegativeMoney = fenInt()
  .min(0, { error: '金额不能为负数' })
  .brand<'Fen'>()
  .meta({
    description: '金额，以分计的非负整数（¥12.30 记为 1230）。Amount in fen (1/100 yuan), an integer ≥ 0.',
  }) satisfies FenSchema;
export type NonNegativeMoney = z.infer<typeof NonNegativeMoney>;

export const PositiveMoney = fenInt()
  .min(1, { error: '金额应大于 0' })
  .brand<'Fen'>()
  .meta({
    description: '金额，以分计的正整数（¥12.30 记为 1230）。Amount in fen (1/100 yuan), an integer ≥ 1.',
  }) satisfies FenSchema;
export type PositiveMoney = z.infer<typeof PositiveMoney>;
