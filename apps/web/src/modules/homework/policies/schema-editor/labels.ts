/**
 * How a field and its options read: the schema's title or description (the settings label their fields in Chinese),
 * the field's name spelt out in English, the unit shown beside it, and options (grades, weekdays, the settings' words).
 */
import { useI18n } from '../../../../app/i18n';
import { gradeLabel } from '../../components/grades';
import './messages';
import { type JsonSchema, unitOf, unwrap } from './schema';

const spelt = (k: string) =>
  k
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/(Fen|Bp)$/, '')
    .trim()
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

const WEEKDAYS_ZH = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Options of a whole-number field are grades or weekdays when its name says so. */
export function numberKind(fieldName: string | number | undefined, schema: JsonSchema): 'grade' | 'weekday' | null {
  const n = typeof fieldName === 'string' ? fieldName.toLowerCase() : '';
  if (n.includes('weekday')) return 'weekday';
  if (n.includes('grade') || (schema.description ?? '').includes('年级')) return 'grade';
  return null;
}

export function useFieldText() {
  const { t, locale } = useI18n();
  /** A field's label: the schema's words in Chinese, the name spelt out in English; a unit the editor converts is added. */
  const label = (fieldName: string | number | undefined, raw: JsonSchema): string => {
    const { schema } = unwrap(raw);
    const words = locale === 'en' ? (typeof fieldName === 'string' ? spelt(fieldName) : '') : (schema.title ?? schema.description ?? (typeof fieldName === 'string' ? fieldName : ''));
    const unit = unitOf(fieldName, schema);
    return words + (unit === 'fen' ? t('pse.unitYuan') : unit === 'bp' ? t('pse.unitPercent') : '');
  };
  /** An option's words: a grade, a weekday, a word of the settings, else the stored value. */
  const option = (value: unknown, kind: 'grade' | 'weekday' | null = null): string => {
    if (typeof value === 'number' && kind === 'grade') return gradeLabel(value, locale);
    if (typeof value === 'number' && kind === 'weekday' && value >= 1 && value <= 7)
      return t('pse.weekday', { d: (locale === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH)[value - 1]! });
    if (typeof value === 'boolean') return value ? t('pse.yes') : t('pse.no');
    const key = `pse.opt.${String(value)}`;
    const word = t(key);
    return word === key ? String(value) : word;
  };
  return { label, option, t, locale };
}
