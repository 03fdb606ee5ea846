/** The fields of a growth-record entry (dimension, kind, date, title, labour-list task, detail), shared by the forms. */
import { GROWTH_DETAIL_MAX, GROWTH_DIMENSIONS, GROWTH_KINDS, GROWTH_TITLE_MAX, growthDimensionLabels, growthKindLabels, type GrowthDimension, type GrowthKind, type GrowthLabourTask } from '@shuangjian/contracts';
import { DatePicker, Form, type FormInstance, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n';

export type EntryValues = { dimension: GrowthDimension; kind: GrowthKind; date: Dayjs; title?: string; detail?: string; labourCode?: string };

/** Kinds bound to one dimension (contracts' rule, shown live): picking the kind sets the dimension. */
const KIND_DIMENSION: Partial<Record<GrowthKind, GrowthDimension>> = { labour: 'labour', sports_skill: 'physical', art_skill: 'aesthetic' };

export const entryBody = (v: EntryValues) => ({
  dimension: v.dimension,
  kind: v.kind,
  date: v.date.format('YYYY-MM-DD'),
  title: v.title?.trim() || undefined,
  detail: v.detail?.trim() || null,
  labourCode: v.kind === 'labour' ? (v.labourCode ?? null) : null,
});

export function EntryFields<T extends EntryValues>({ form, labourTasks, today }: { form: FormInstance<T>; labourTasks: GrowthLabourTask[]; today: string }) {
  const { t, locale } = useI18n();
  const f = form as unknown as FormInstance<EntryValues>;
  const kind = Form.useWatch('kind', f);
  const bound = kind ? KIND_DIMENSION[kind] : undefined;
  return (
    <>
      <Form.Item name="kind" label={t('exams.growth.kind')} rules={[{ required: true }]}>
        <Select
          options={GROWTH_KINDS.map((k) => ({ value: k, label: growthKindLabels[k][locale] }))}
          onChange={(k: GrowthKind) => KIND_DIMENSION[k] && f.setFieldValue('dimension', KIND_DIMENSION[k])}
          data-testid="growth-kind"
        />
      </Form.Item>
      <Form.Item name="dimension" label={t('exams.growth.dimension')} rules={[{ required: true }]}>
        <Select disabled={!!bound} options={GROWTH_DIMENSIONS.map((d) => ({ value: d, label: growthDimensionLabels[d][locale] }))} data-testid="growth-dimension" />
      </Form.Item>
      {kind === 'labour' && (
        <Form.Item name="labourCode" label={t('exams.growth.labourTask')} rules={[{ required: true }]}>
          <Select options={labourTasks.map((l) => ({ value: l.code, label: `${l.code} ${l.name}` }))} />
        </Form.Item>
      )}
      <Form.Item name="date" label={t('exams.growth.date')} rules={[{ required: true }]}>
        <DatePicker inputReadOnly allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
      </Form.Item>
      {kind !== 'labour' && (
        <Form.Item name="title" label={t('exams.growth.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={GROWTH_TITLE_MAX} data-testid="growth-title" />
        </Form.Item>
      )}
      <Form.Item name="detail" label={t('exams.growth.detail')}>
        <Input.TextArea maxLength={GROWTH_DETAIL_MAX} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
