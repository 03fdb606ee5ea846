/** Yuan on the money pages: formatted by the money rules, typed amounts read to the fen (never through a float). */
import { type Fen, formatYuan, parseYuan, toYuanString } from '@shuangjian/policy';
import type { Locale } from '../../../app/i18n';

export const yuan = (fen: number, locale: Locale) => formatYuan(fen as Fen, { locale });

/** A form rule: the text must be an amount above zero, to the fen. */
export const amountRule = (message: string) => ({
  validator: (_: unknown, value: string | undefined) => {
    const parsed = parseYuan(value ?? '');
    return parsed.ok && parsed.value > 0 ? Promise.resolve() : Promise.reject(new Error(message));
  },
});

export const toFen = (text: string): number => {
  const parsed = parseYuan(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};

/** 'YYYY-MM' of a date and the months around it for the month picker (newest first). */
export function monthsAround(today: string, back = 6, ahead = 1): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = ahead; i >= -back; i--) {
    const date = new Date(Date.UTC(y, m - 1 + i, 1));
    out.push(`${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

/** Plain yuan text for a form field: 1234.5 yuan as '1234.50'. */
export const yuanString = (fen: number) => toYuanString(fen as Fen);
