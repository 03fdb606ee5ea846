/** Grade names in the reader's language: 三年级 / Grade 3. */
import { gradeNames } from '@shuangjian/contracts';
import type { Locale } from '../../../app/i18n';

export function gradeLabel(grade: number, locale: Locale, short = false): string {
  if (locale === 'en') return short ? `Gr. ${grade}` : `Grade ${grade}`;
  return gradeNames[grade] ?? `${grade} 年级`;
}
