/** How an item was marked, in one tag: 全批全改 40/40 · 面批 3, 部分批改 20/40, or not recorded yet. */
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { ChildMarkRow, MarkingRow } from './queries';

export function markingSummary(t: (k: string, v?: Record<string, string | number>) => string, m: MarkingRow): string {
  const base = t(`hwm.scope.${m.scope}`) + ` ${m.marked}/${m.students}`;
  return m.faceToFace ? `${base} · ${t('hwm.faceToFaceN', { n: m.faceToFace })}` : base;
}

export function MarkingTag({ marking, editable = true }: { marking: MarkingRow | null; editable?: boolean }) {
  const { t } = useI18n();
  if (!marking)
    return (
      <Tag color={editable ? 'orange' : 'red'} icon={<ClockCircleOutlined />} data-testid="marking-tag">
        {editable ? t('hwm.notRecorded') : t('hwm.notRecordedClosed')}
      </Tag>
    );
  const tag = (
    <Tag color={marking.scope === 'all' ? 'green' : 'gold'} icon={<CheckCircleOutlined />} data-testid="marking-tag">
      {markingSummary(t, marking)}
    </Tag>
  );
  return marking.note ? <Tooltip title={marking.note}>{tag}</Tooltip> : tag;
}

/** What a family sees on the child's list: marked, and face to face for the child. */
export function ChildMarkTag({ mark }: { mark: ChildMarkRow | undefined }) {
  const { t } = useI18n();
  if (!mark) return null;
  return (
    <Tag color="green" icon={<CheckCircleOutlined />} data-testid="child-marked" style={{ marginInlineEnd: 0 }}>
      {mark.faceToFace ? t('hwm.child.faceToFace') : mark.scope === 'all' ? t('hwm.child.marked') : t('hwm.child.markedPart')}
    </Tag>
  );
}
