/** How an indicator is scored, in words: the figure, the formula and its target, or "scored by inspectors". */
import { type AssessIndicator, formulaNeedsTarget } from '@shuangjian/contracts';

type T = (key: string, vars?: Record<string, string | number>) => string;

/** '课后服务学生参与率 · 达成目标（目标 95%）' or '督学评分'. */
export function method(i: Pick<AssessIndicator, 'kind' | 'metric' | 'formula' | 'target'>, t: T): string {
  if (i.kind === 'inspector' || !i.metric || !i.formula) return t('sv.assess.kind.inspector');
  const formula = t(`sv.assess.formula.${i.formula}`);
  const target = formulaNeedsTarget(i.formula) && i.target !== null ? t('sv.assess.sheet.targetOf', { target: +(i.target * 100).toFixed(1) }) : '';
  return `${t(`sv.assess.metric.${i.metric}`)} · ${formula}${target}`;
}
