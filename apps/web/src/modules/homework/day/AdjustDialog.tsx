/** 班主任协调 one item: shorten (to fewer minutes), drop, move to another day or return to the teacher, always with a reason. */
import { DatePicker, type FormInstance, Form, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';
import { type ClassDayRow, type Item, nextDay } from '../components/model';
import { ReasonModal, type ReasonValues } from '../components/ReasonModal';
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
  adjusting: { item: Item; action: Action } | null;
  loading: boolean;
  onCancel(): void;
  onOk(values: ReasonValues): void;
}) {
  const { t } = useI18n();
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
      initialValues={adjusting?.action === 'move' ? { date: dayjs(nextDay(day.date < today ? today : day.date)) } : undefined}
    >
      {adjusting?.action === 'shorten' && (
        <Form.Item
          name="minutes"
          label={t('hw.adjust.shortenTo')}
          rules={[{ required: true, message: t('hw.form.minutesRequired') }]}
          extra={t('hw.adjust.shortenMax', { n: adjusting.item.minutes - 1 })}
        >
          <InputNumber min={1} max={adjusting.item.minutes - 1} precision={0} suffix={t('hw.unit.minutes')} style={{ width: 160 }} />
        </Form.Item>
      )}
      {adjusting?.action === 'move' && (
        <Form.Item name="date" label={t('hw.adjust.moveTo')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') < today || d.format('YYYY-MM-DD') === day.date} />
        </Form.Item>
      )}
    </ReasonModal>
  );
}
