/** 减免与经费: the waiver list (the school's entries and children the student record flags), and the semester's subsidy and costs. */
import { PlusOutlined } from '@ant-design/icons';
import type { Waiver } from '@shuangjian/contracts';
import { Button, Card, Flex, Form, Input, Popconfirm, Select, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { amountRule, toFen, yuan } from './money';
import { useFunds, useMonthBills, useMoneyWrites, useWaivers } from './queries';
import './messages';

interface WaiverValues {
  studentId: string;
  category: string;
  note?: string;
}
interface FundValues {
  kind: 'subsidy' | 'cost';
  item: string;
  amount: string;
  month?: string;
}

export function WaiversTab({ schoolId, month }: { schoolId: string | undefined; month: string }) {
  const { t, locale } = useI18n();
  const waivers = useWaivers(schoolId);
  const funds = useFunds(schoolId);
  const bills = useMonthBills(schoolId, month);
  const writes = useMoneyWrites();
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState(false);
  const [waiverForm] = Form.useForm<WaiverValues>();
  const [fundForm] = Form.useForm<FundValues>();
  const addWaiver = useSaveMutation<WaiverValues>({ form: waiverForm, mutationFn: (v) => writes.addWaiver({ schoolId: schoolId!, ...v }), onSuccess: () => setAdding(false) });
  const revoke = useSaveMutation<string>({ form: null, mutationFn: (id) => writes.revokeWaiver(id) });
  const recordFund = useSaveMutation<FundValues>({
    form: fundForm,
    mutationFn: (v) => writes.recordFund({ schoolId: schoolId!, kind: v.kind, item: v.item, amountFen: toFen(v.amount), month: v.month || null }),
    onSuccess: () => setRecording(false),
  });
  const y = (v: number) => yuan(v, locale);
  const students = (bills.data?.bills ?? []).map((b) => ({ value: b.studentId, label: `${b.className} ${b.studentName}` }));

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('afterSchool.money.waivers')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!schoolId}>
            {t('afterSchool.money.addWaiver')}
          </Button>
        }
      >
        {waivers.error && <QueryError error={waivers.error} />}
        <Table<Waiver>
          rowKey={(w) => `${w.id ?? 'flag'}-${w.studentId}-${w.category}`}
          size="small"
          loading={waivers.isLoading}
          dataSource={waivers.data?.waivers ?? []}
          pagination={false}
          columns={[
            { title: t('afterSchool.money.class'), dataIndex: 'className' },
            { title: t('afterSchool.money.student'), dataIndex: 'studentName' },
            { title: t('afterSchool.money.category'), dataIndex: 'label' },
            { title: t('afterSchool.money.share'), dataIndex: 'shareBp', render: (bp: number) => `${bp / 100}%` },
            { title: t('afterSchool.money.source'), dataIndex: 'source', render: (s: Waiver['source']) => <Tag>{t(`afterSchool.money.source.${s}`)}</Tag> },
            {
              key: 'x',
              render: (_, w) =>
                w.id && (
                  <Popconfirm title={t('afterSchool.money.remove')} onConfirm={() => revoke.mutate(w.id!)}>
                    <Button size="small" type="link" danger>
                      {t('afterSchool.money.remove')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('afterSchool.money.funds')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} disabled={!schoolId}>
            {t('afterSchool.money.recordFund')}
          </Button>
        }
      >
        {funds.error && <QueryError error={funds.error} />}
        <Flex gap={32} style={{ marginBottom: 12 }}>
          <Statistic title={t('afterSchool.money.subsidyTotal')} value={y(funds.data?.subsidyFen ?? 0)} />
          <Statistic title={t('afterSchool.money.costTotal')} value={y(funds.data?.costsFen ?? 0)} />
        </Flex>
        <Table
          rowKey="id"
          size="small"
          loading={funds.isLoading}
          dataSource={funds.data?.funds ?? []}
          pagination={false}
          columns={[
            { title: t('afterSchool.money.kind'), dataIndex: 'kind', render: (k: 'subsidy' | 'cost') => <Tag color={k === 'subsidy' ? 'green' : 'orange'}>{t(`afterSchool.money.kind.${k}`)}</Tag> },
            { title: t('afterSchool.money.item'), dataIndex: 'item' },
            { title: t('afterSchool.money.month'), dataIndex: 'month', render: (m: string | null) => m ?? t('afterSchool.money.period.semester') },
            { title: t('afterSchool.money.amount'), dataIndex: 'amountFen', align: 'right', render: y },
          ]}
        />
      </Card>
      {adding && (
        <FormModal<WaiverValues> open form={waiverForm} name="waiver" title={t('afterSchool.money.addWaiver')} loading={addWaiver.isPending} onCancel={() => setAdding(false)} onFinish={(v) => addWaiver.mutate(v)}>
          <Form.Item name="studentId" label={t('afterSchool.money.student')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={students} />
          </Form.Item>
          <Form.Item name="category" label={t('afterSchool.money.category')} rules={[{ required: true }]}>
            <Select options={(waivers.data?.categories ?? []).map((c) => ({ value: c.code, label: `${c.label}（${c.shareBp / 100}%）` }))} />
          </Form.Item>
          <Form.Item name="note" label={t('afterSchool.money.remark')}>
            <Input maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
      {recording && (
        <FormModal<FundValues>
          open
          form={fundForm}
          name="fund"
          title={t('afterSchool.money.recordFund')}
          loading={recordFund.isPending}
          onCancel={() => setRecording(false)}
          onFinish={(v) => recordFund.mutate(v)}
          initialValues={{ kind: 'subsidy', month }}
        >
          <Form.Item name="kind" label={t('afterSchool.money.kind')} rules={[{ required: true }]}>
            <Select options={(['subsidy', 'cost'] as const).map((k) => ({ value: k, label: t(`afterSchool.money.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="item" label={t('afterSchool.money.item')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="amount" label={t('afterSchool.money.amount')} rules={[amountRule(t('afterSchool.money.amount'))]}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="month" label={t('afterSchool.money.month')}>
            <Select allowClear options={[{ value: month, label: month }]} placeholder={t('afterSchool.money.period.semester')} />
          </Form.Item>
        </FormModal>
      )}
    </Flex>
  );
}
