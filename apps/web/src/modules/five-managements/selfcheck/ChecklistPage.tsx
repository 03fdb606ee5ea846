/** 自查清单: the district drafts the semester's checklist from the default negative list, adjusts the items, and publishes it to every school. */
import { DeleteOutlined } from '@ant-design/icons';
import { type SelfcheckItemInput, managementLabels, MANAGEMENTS, SELFCHECK_EVIDENCE, SELFCHECK_ITEM_TEXT_MAX, selfcheckEvidenceLabels } from '@shuangjian/contracts';
import { Button, Empty, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useChecklist, useSelfcheckOverview, useSelfcheckWrites } from './queries';

export default function ChecklistPage() {
  const { t, locale } = useI18n();
  const overview = useSelfcheckOverview();
  const list = useChecklist();
  const writes = useSelfcheckWrites();
  const [form] = Form.useForm<SelfcheckItemInput>();
  const c = list.data;
  const semesterName = overview.data?.semesterName ?? '';
  const create = useSaveMutation({ form: null, mutationFn: () => writes.createChecklist(overview.data!.semesterId, `${semesterName}“五项管理”负面清单自查`) });
  const update = useSaveMutation({ form, mutationFn: (items: SelfcheckItemInput[]) => writes.updateChecklist(c!.id, c!.title, items), onSuccess: () => form.resetFields() });
  const publish = useSaveMutation({ form: null, mutationFn: () => writes.publish(c!.id), saved: t('five.selfcheck.published') });
  if (list.error || overview.error) return <QueryError error={list.error ?? overview.error} />;
  if (list.isLoading || !overview.data) return <PageSpinner />;
  const draft = c?.status === 'draft';
  const current: SelfcheckItemInput[] = (c?.items ?? []).map(({ management, text, evidence, basis }) => ({ management, text, evidence, basis }));
  return (
    <div>
      <PageHeader
        title={t('menu.five.selfcheckChecklist')}
        sub={`${semesterName}${c ? ` · ${c.title}` : ''}`}
        extra={
          c ? (
            <Space>
              <Tag color={draft ? 'orange' : 'green'}>{t(`five.selfcheck.checklist.${c.status}`)}</Tag>
              {draft && (
                <Popconfirm title={t('five.selfcheck.publishConfirm')} onConfirm={() => publish.mutate(undefined)}>
                  <Button type="primary" loading={publish.isPending} data-testid="publish">{t('five.selfcheck.publish')}</Button>
                </Popconfirm>
              )}
            </Space>
          ) : (
            <Button type="primary" loading={create.isPending} onClick={() => create.mutate(undefined)} data-testid="create-checklist">{t('five.selfcheck.createDefault')}</Button>
          )
        }
      />
      {!c && <Empty description={t('five.selfcheck.noChecklist')} />}
      {c && (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={c.items}
          columns={[
            { title: '#', dataIndex: 'no', width: 48 },
            { title: t('five.selfcheck.col.management'), width: 100, render: (_, i) => managementLabels[i.management][locale] },
            { title: t('five.selfcheck.col.text'), dataIndex: 'text' },
            { title: t('five.selfcheck.col.evidence'), width: 140, render: (_, i) => selfcheckEvidenceLabels[i.evidence][locale] },
            { title: t('five.selfcheck.col.basis'), dataIndex: 'basis', width: 200 },
            ...(draft
              ? [{ title: '', width: 48, render: (_: unknown, _i: unknown, n: number) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('five.selfcheck.remove')} onClick={() => update.mutate(current.filter((_x, k) => k !== n))} /> }]
              : []),
          ]}
        />
      )}
      {draft && (
        <Form form={form} layout="inline" style={{ marginTop: 16, rowGap: 8 }} initialValues={{ management: 'homework', evidence: 'text', basis: '' }} onFinish={(v) => update.mutate([...current, v])}>
          <Form.Item name="management">
            <Select style={{ width: 120 }} options={MANAGEMENTS.map((m) => ({ value: m, label: managementLabels[m][locale] }))} />
          </Form.Item>
          <Form.Item name="text" rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 320 }} maxLength={SELFCHECK_ITEM_TEXT_MAX} placeholder={t('five.selfcheck.col.text')} />
          </Form.Item>
          <Form.Item name="evidence">
            <Select style={{ width: 160 }} options={SELFCHECK_EVIDENCE.map((e) => ({ value: e, label: selfcheckEvidenceLabels[e][locale] }))} />
          </Form.Item>
          <Form.Item name="basis">
            <Input style={{ width: 200 }} placeholder={t('five.selfcheck.col.basis')} />
          </Form.Item>
          <Button htmlType="submit" loading={update.isPending}>{t('five.selfcheck.addItem')}</Button>
        </Form>
      )}
    </div>
  );
}
