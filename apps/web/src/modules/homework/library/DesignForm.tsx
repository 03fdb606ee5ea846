/** Write or edit a homework design of the library. */
import { DESIGN_TITLE_MIN, type DesignInput, ITEM_CONTENT_MAX, ITEM_MINUTES_MAX, TITLE_MAX } from '@shuangjian/contracts';
import { HOMEWORK_TYPES, homeworkTypeLabels, LAYERS, layerLabels } from '@shuangjian/policy';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { z } from 'zod';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { type DesignRow, gradeOptions, type SubjectRow } from './types';

type DesignValues = z.input<typeof DesignInput>;

export function DesignForm({ design, subjects, onClose }: { design: DesignRow | null; subjects: SubjectRow[]; onClose(saved?: DesignRow): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<DesignValues>();
  const save = useSaveMutation({
    form,
    mutationFn: (v: DesignValues) => (design ? api.put<DesignRow>(`/api/homework/designs/${design.id}`, v) : api.post<DesignRow>('/api/homework/designs', v)),
    onSuccess: (d) => onClose(d),
  });
  return (
    <FormModal
      open
      title={design ? t('hwv.library.edit') : t('hwv.library.new')}
      onCancel={() => onClose()}
      okText={t('common.save')}
      width={640}
      form={form}
      loading={save.isPending}
      initialValues={design ? { ...design, unit: design.unit ?? undefined } : { type: 'written', layer: 'basic', minutes: 15 }}
      onFinish={(v) => save.mutate({ ...v, unit: v.unit || null })}
    >
      <Form.Item name="title" label={t('hwv.library.field.title')} rules={[{ required: true, min: DESIGN_TITLE_MIN, max: TITLE_MAX }]}>
        <Input maxLength={TITLE_MAX} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="subjectId" label={t('hwv.col.subject')} rules={[{ required: true }]}>
            <Select options={subjects.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="grade" label={t('hwv.library.field.grade')} rules={[{ required: true }]}>
            <Select options={gradeOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="unit" label={t('hwv.library.field.unit')}>
        <Input maxLength={TITLE_MAX} placeholder={t('hwv.library.unitPlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="type" label={t('hwv.library.field.type')} rules={[{ required: true }]}>
            <Select options={HOMEWORK_TYPES.map((v) => ({ value: v, label: homeworkTypeLabels[v][locale] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="layer" label={t('hwv.library.field.layer')} rules={[{ required: true }]}>
            <Select options={LAYERS.map((v) => ({ value: v, label: layerLabels[v][locale] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="minutes" label={t('hwv.library.field.minutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={ITEM_MINUTES_MAX} precision={0} style={{ width: '100%' }} suffix={t('hwv.unit.min')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label={t('hwv.library.field.content')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={5} maxLength={ITEM_CONTENT_MAX} showCount />
      </Form.Item>
    </FormModal>
  );
}
