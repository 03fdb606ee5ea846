/** 检查计划: plans by zone (who, where, when), a new plan, and marking one done or cancelled. */
import { PlusOutlined } from '@ant-design/icons';
import { INSPECTION_NOTE_MAX, INSPECTION_TITLE_MAX, type InspectionPlan, inspectionPlanStatusLabels } from '@shuangjian/contracts';
import { Button, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTimeZone } from '../../../../app/auth';
import { useI18n } from '../../../../app/i18n';
import { QueryError } from '../../../../components/QueryError';
import { ConfirmLink } from '../../../../components/RowActions';
import { useSaveMutation } from '../../../../components/useSaveMutation';
import { useInspectionWrites, useInspectors, useInstitutionList, usePlans } from '../queries';

interface Values { zoneId: string; title: string; plannedDate: Dayjs; inspectorIds: string[]; institutionIds: string[]; note?: string }

function NewPlan({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date());
  const [form] = Form.useForm<Values>();
  const zoneId = Form.useWatch('zoneId', form);
  const institutions = useInstitutionList();
  const inspectors = useInspectors();
  const writes = useInspectionWrites();
  const zones = [...new Map((institutions.data ?? []).map((i) => [i.zoneId, i.zoneName])).entries()];
  const save = useSaveMutation({
    form,
    mutationFn: (v: Values) => writes.createPlan({ ...v, plannedDate: v.plannedDate.format('YYYY-MM-DD') }),
    onSuccess: onClose,
  });
  return (
    <Modal open title={t('training.insp.plan.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ plannedDate: dayjs(today) }}>
        <Form.Item name="zoneId" label={t('training.insp.plan.zone')} rules={[{ required: true }]}>
          <Select options={zones.map(([value, label]) => ({ value, label }))} onChange={() => form.setFieldValue('institutionIds', [])} />
        </Form.Item>
        <Form.Item name="title" label={t('training.insp.plan.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={INSPECTION_TITLE_MAX} />
        </Form.Item>
        <Form.Item name="plannedDate" label={t('training.insp.plan.date')} rules={[{ required: true }]}>
          <DatePicker inputReadOnly allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
        </Form.Item>
        <Form.Item name="inspectorIds" label={t('training.insp.plan.inspectors')} rules={[{ required: true }]}>
          <Select mode="multiple" options={(inspectors.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="institutionIds" label={t('training.insp.plan.institutions')} rules={[{ required: true }]}>
          <Select mode="multiple" disabled={!zoneId} options={(institutions.data ?? []).filter((i) => i.zoneId === zoneId).map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
        <Form.Item name="note" label={t('training.insp.plan.note')}>
          <Input.TextArea rows={2} maxLength={INSPECTION_NOTE_MAX} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PlansTab() {
  const { t, locale } = useI18n();
  const plans = usePlans();
  const writes = useInspectionWrites();
  const [adding, setAdding] = useState(false);
  const status = useSaveMutation({ form: null, mutationFn: (v: { id: string; status: 'done' | 'cancelled' }) => writes.setPlanStatus(v.id, v.status, v.status === 'cancelled' ? t('training.insp.plan.cancel') : undefined) });
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('training.insp.plan.new')}
        </Button>
      </Flex>
      {plans.error && <QueryError error={plans.error} />}
      <Table<InspectionPlan>
        rowKey="id"
        size="small"
        loading={plans.isLoading}
        dataSource={plans.data ?? []}
        scroll={{ x: 800 }}
        columns={[
          { title: t('training.insp.plan.date'), dataIndex: 'plannedDate', width: 110 },
          { title: t('training.insp.plan.title'), dataIndex: 'title' },
          { title: t('training.insp.plan.inspectors'), key: 'who', width: 140, render: (_: unknown, r) => r.inspectors.map((i) => i.name).join('、') },
          {
            title: t('training.insp.plan.institutions'),
            key: 'where',
            render: (_: unknown, r) => r.institutions.map((i) => <Tag key={i.id} color={i.visitId ? 'green' : undefined}>{i.name}</Tag>),
          },
          { title: t('training.insp.plan.status'), dataIndex: 'status', width: 90, render: (v: InspectionPlan['status']) => inspectionPlanStatusLabels[v][locale] },
          {
            key: 'actions',
            width: 130,
            render: (_: unknown, r) =>
              r.status === 'planned' && (
                <>
                  <ConfirmLink confirm={t('training.insp.plan.done')} onConfirm={() => status.mutate({ id: r.id, status: 'done' })}>{t('training.insp.plan.done')}</ConfirmLink>
                  <ConfirmLink danger confirm={t('training.insp.plan.cancel')} onConfirm={() => status.mutate({ id: r.id, status: 'cancelled' })}>{t('training.insp.plan.cancel')}</ConfirmLink>
                </>
              ),
          },
        ]}
      />
      {adding && <NewPlan onClose={() => setAdding(false)} />}
    </>
  );
}
