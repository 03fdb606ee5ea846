/** An assessment's status and a school's list (红榜 red, 黄牌 gold, 黑榜 black) as tags, with the colours the chart uses too. */
import type { AssessmentStatus, ListKind } from '@shuangjian/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../../../app/i18n';

export const LIST_COLORS: Record<ListKind | 'none', string> = { red: '#cf1322', yellow: '#d48806', black: '#262626', none: '#8c8c8c' };
const LIST_TAG: Record<ListKind, string> = { red: 'red', yellow: 'gold', black: '#262626' };
const STATUS_TAG: Record<AssessmentStatus, string> = { draft: 'default', scoring: 'processing', closed: 'orange', published: 'success' };

export function ListTag({ list }: { list: ListKind | null }) {
  const { t } = useI18n();
  if (!list) return null;
  return (
    <Tag color={LIST_TAG[list]} data-testid={`list-${list}`}>
      {t(`sv.assess.list.${list}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_TAG[status]} data-testid="assess-status">
      {t(`sv.assess.status.${status}`)}
    </Tag>
  );
}

/** 0.873 → "87.3%"; null → "—". */
export const pct = (rate: number | null | undefined, digits = 1) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`);
/** A 0–100 score with one decimal; null → "—". */
export const score = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(1));
