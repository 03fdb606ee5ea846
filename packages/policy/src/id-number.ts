/**
 * 居民身份证号 (GB 11643-1999): 6 digits of region, the birth date as YYYYMMDD, 3 digits of order (odd for a boy),
 * and a check character (ISO 7064 MOD 11-2: 0–9 or X). Server and web check a typed number with the same rule.
 */
import { isLocalDate } from './dates';

export const ID_NUMBER_LENGTH = 18;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/** The number as stored: trimmed, its check character 'x' upper-cased. */
export const normalizeIdNumber = (text: string) => text.trim().toUpperCase();

/** The check character of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** The birth date the number carries (YYYY-MM-DD), or null when it is no date. */
export function idNumberBirthDate(id: string): string | null {
  const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return isLocalDate(date) && date >= '1900-01-01' ? date : null;
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

/** What is wrong with a (normalized) number, or null when it is well formed. */
export function idNumberProblem(id: string): IdNumberProblem | null {
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  if (!idNumberBirthDate(id)) return 'birthDate';
  if (idNumberCheckChar(id) !== id[17]) return 'checkDigit';
  return null;
}

/** The Chinese reason a person reads for each problem. */
export const idNumberProblemText: Record<IdNumberProblem, string> = {
  format: '应为 18 位，前 17 位为数字，末位为数字或 X',
  birthDate: '其中的出生日期（第 7–14 位）不是有效日期',
  checkDigit: '校验位（第 18 位）不正确，请核对号码',
};

/** A valid number for a region, birth date and order (3 digits; odd for a boy): demo data and tests. */
export function makeIdNumber(region: string, birthDate: string, order: number): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(order).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}
