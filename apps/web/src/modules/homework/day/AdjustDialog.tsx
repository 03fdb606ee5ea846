/**
 * 班主任协调 one item: shorten (to fewer minutes), drop, move to another day or return to the teacher, always with a reason.
 * Shortening proposes the cut that brings the day within its limit and previews the day's new total as the minutes change.
 */
import { DatePicker, type FormInstance, Form, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { type ClassDayRow, type Item, nextDay } from '../components/model';
import { ReasonModal, type ReasonValues } from '../components/ReasonModal';
import { LoadBar } from '../components/LoadBar';
import { totalWith } from './blockers';
import type { Action } from './ItemParts';

export function AdjustDialog({
  form,
  day,
  today,
  adjusting,
  loading,
  onCancel,
  onOk,
}: {
  form: FormInstance<ReasonValues>;
  day: ClassDayRow;
  today: string;
  adjusting: { item: Item; action: Action; minutes?: number } | null;
  loading: boolean;
  onCancel(): void;
  onOk(values: ReasonValues): void;
}) {
  const { t } = useI18n();
  const minutes = Form.useWatch('minutes', form);
  const item = adjusting?.item;
  // the cut that fits the day: the one proposed, or this item less the day's excess when that leaves at least a minute
  const excess = day.check.written - day.check.limit;
  const proposed = adjusting?.minutes ?? (item && excess > 0 && item.minutes - excess >= 1 ? item.minutes - excess : undefined);
  const total = item ? totalWith(day, item, minutes) : day.check.written;
  const initialValues =
    adjusting?.action === 'move' ? { date: dayjs(nextDay(day.date < today ? today : day.date)) } : adjusting?.action === 'shorten' && proposed ? { minutes: proposed } : undefined;
  return (
    <ReasonModal
      form={form}
      open={adjusting !== null}
      title={adjusting && `${t(`hw.adjust.${adjusting.action}`)} · ${adjusting.item.subjectName}（${t('hw.minutes', { n: adjusting.item.minutes })}）`}
      description={adjusting && <Typography.Text type="secondary">{t(`hw.adjust.${adjusting.action}.hint`)}</Typography.Text>}
      danger={adjusting?.action === 'drop' || adjusting?.action === 'return'}
      okText={adjusting ? t(`hw.adjust.${adjusting.action}`) : undefined}
      loading={loading}
      onCancel={onCancel}
      onOk={onOk}
      initialValues={initialValues}
    >
      {adjusting?.action === 'shorten' && (
        <>
          <Form.Item
            name="minutes"
            label={t('hw.adjust.shortenTo')}
            rules={[{ required: true, message: t('hw.form.minutesRequired') }]}
            extra={proposed ? t('hwr.cut.proposed', { n: proposed, max: adjusting.item.minutes - 1 }) : t('hw.adjust.shortenMax', { n: adjusting.item.minutes - 1 })}
          >
            <InputNumber min={1} max={adjusting.item.minutes - 1} precision={0} suffix={t('hw.unit.minutes')} style={{ width: 160 }} />
          </Form.Item>
          <div style={{ marginBottom: 16 }} data-testid="shorten-preview">
            <Typography.Text type={total > day.check.limit ? 'danger' : 'success'}>
              {t(total > day.check.limit ? 'hwr.cut.previewOver' : 'hwr.cut.previewOk', { total, limit: day.check.limit, n: total - day.check.limit })}
            </Typography.Text>
            <LoadBar limit={day.check.limit} written={total} />
          </div>
        </>
      )}
      {adjusting?.action === 'move' && (
        <Form.Item name="date" label={t('hw.adjust.moveTo')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') < today || d.format('YYYY-MM-DD') === day.date} />
        </Form.Item>
      )}
    </ReasonModal>
  );
}
