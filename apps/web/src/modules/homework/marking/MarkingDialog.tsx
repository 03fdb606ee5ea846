/** 登记批改: how one published item was marked — the whole class or part of it, who was marked face to face, a note. */
import { FACE_TO_FACE_NAMES_MAX, MARKING_NOTE_MAX } from '@shuangjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { PageSpinner } from '../../../components/PageSpinner';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { formatDay, invalidateHomework } from '../components/model';
import { type MarkingBody, saveMarking, useMarkingDetail } from './queries';

interface Values {
  scope: 'all' | 'part';
  marked?: number | null;
  faceToFace: number;
  faceToFaceStudentIds: string[];
  note?: string;
}

export function MarkingDialog({ itemId, onClose }: { itemId: string; onClose(): void }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const detail = useMarkingDetail(itemId);
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form);
  const chosen = Form.useWatch('faceToFaceStudentIds', form);
  const d = detail.data;
  const students = d?.students.length ?? 0;
  useEffect(() => {
    if (!d) return;
    const m = d.marking;
    form.setFieldsValue({
      scope: m?.scope ?? 'all',
      marked: m?.scope === 'part' ? m.marked : null,
      faceToFace: m?.faceToFace ?? 0,
      faceToFaceStudentIds: m?.faceToFaceStudentIds ?? [],
      note: m?.note ?? '',
    });
  }, [d, form]);
  // naming students face to face counts them
  useEffect(() => {
    const n = chosen?.length ?? 0;
    if (n > (form.getFieldValue('faceToFace') ?? 0)) form.setFieldValue('faceToFace', n);
  }, [chosen, form]);
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => {
      const body: MarkingBody = {
        scope: v.scope,
        marked: v.scope === 'part' ? (v.marked ?? null) : null,
        faceToFace: v.faceToFace ?? 0,
        faceToFaceStudentIds: v.faceToFaceStudentIds ?? [],
        note: v.note?.trim() || null,
      };
      return saveMarking(itemId, body);
    },
    saved: t('hwm.saved'),
    onSuccess: () => {
      invalidateHomework(client);
      onClose();
    },
  });
  return (
    <FormModal
      open
      title={t('hwm.dialog.title')}
      okText={t('common.save')}
      onCancel={onClose}
      form={form}
      name="marking"
      loading={save.isPending}
      okButtonProps={{ disabled: !d?.editable }}
      onFinish={(v) => save.mutate(v)}
      intro={
        d ? (
          <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Text strong>
              {d.className} · {d.subjectName} · {formatDay(d.date, locale)}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>
              {d.title ? `${d.title}：` : ''}
              {d.content}
            </Typography.Paragraph>
            {!d.editable && <Alert type="warning" showIcon title={t('hwm.dialog.closed', { date: d.editableUntil })} />}
          </Space>
        ) : null
      }
    >
      {!d ? (
        <PageSpinner />
      ) : (
        <>
          <Form.Item name="scope" label={t('hwm.field.scope')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'all', label: t('hwm.scope.all') },
                { value: 'part', label: t('hwm.scope.part') },
              ]}
            />
          </Form.Item>
          {scope === 'part' ? (
            <Form.Item name="marked" label={t('hwm.field.marked')} rules={[{ required: true, message: t('hwm.field.markedRequired') }]} extra={t('hwm.field.classSize', { n: students })}>
              <InputNumber min={1} max={students} precision={0} suffix={t('hwm.people')} style={{ width: 160 }} />
            </Form.Item>
          ) : (
            <Typography.Paragraph type="secondary">{t('hwm.field.allHint', { n: students })}</Typography.Paragraph>
          )}
          <Form.Item name="faceToFaceStudentIds" label={t('hwm.field.faceToFaceNames')} extra={t('hwm.field.faceToFaceNamesHint')}>
            <Select
              mode="multiple"
              allowClear
              maxCount={FACE_TO_FACE_NAMES_MAX}
              optionFilterProp="label"
              placeholder={t('hwm.field.faceToFaceNamesPlaceholder')}
              options={d.students.map((s) => ({ value: s.id, label: `${s.name}（${s.studentNo.slice(-2)}）` }))}
              data-testid="face-to-face-names"
            />
          </Form.Item>
          <Form.Item name="faceToFace" label={t('hwm.field.faceToFace')}>
            <InputNumber min={chosen?.length ?? 0} max={students} precision={0} suffix={t('hwm.people')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="note" label={t('hwm.field.note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={MARKING_NOTE_MAX} showCount placeholder={t('hwm.field.notePlaceholder')} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
