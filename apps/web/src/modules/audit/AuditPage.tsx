/** The audit log, for the auditor only: search by date, actor, entity, action and text; each entry's before/after side by side. */
import { FileExcelOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { type AuditChainStatus, type AuditEntry, type AuditVerifyResult, auditActionLabels, auditChainFaultLabels, auditEntityLabels, type Role, roleLabels, ROLES } from '@shuangjian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { z } from 'zod';
import { api, qs } from '../../app/api';
import { useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useUrlFilters } from '../org/filters';
import './messages';

type Entry = z.infer<typeof AuditEntry>;
type Chain = z.infer<typeof AuditChainStatus>;
type Verified = z.infer<typeof AuditVerifyResult>;
const ACTIONS = Object.keys(auditActionLabels).sort();
const ENTITIES = Object.keys(auditEntityLabels).sort();
interface Filters {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  entity?: string;
  action?: string;
  entityId?: string;
  q?: string;
}

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

function Json({ value, testId }: { value: unknown; testId: string }) {
  const { t } = useI18n();
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>;
  return (
    <pre
      data-testid={testId}
      style={{ margin: 0, padding: 8, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, fontSize: 12, maxHeight: 360, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default function AuditPage() {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const [filters, setFilters] = useUrlFilters('from', 'to', 'actor', 'entity', 'action', 'entityId', 'q', 'page', 'pageSize');
  const [form] = Form.useForm<Filters>();
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 50);
  const query = { from: filters.from, to: filters.to, actor: filters.actor, entity: filters.entity, action: filters.action, entityId: filters.entityId, q: filters.q, page, pageSize };
  const log = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<{ items: Entry[]; total: number }>(`/api/audit${qs(query)}`),
    placeholderData: (prev) => prev,
  });

  useEffect(() => {
    form.setFieldsValue({
      range: filters.from || filters.to ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] : null,
      actor: filters.actor,
      entity: filters.entity,
      action: filters.action,
      entityId: filters.entityId,
      q: filters.q,
    });
  }, [form, filters.from, filters.to, filters.actor, filters.entity, filters.action, filters.entityId, filters.q]);

  const search = (v: Filters) =>
    setFilters({
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
      actor: v.actor?.trim(),
      entity: v.entity?.trim(),
      action: v.action?.trim(),
      entityId: v.entityId?.trim(),
      q: v.q?.trim(),
    });
  const actionLabel = (a: string) => auditActionLabels[a] ?? null;
  const entityLabel = (e: string) => auditEntityLabels[e] ?? e;
  const client = useQueryClient();
  const chain = useQuery({ queryKey: ['audit', 'chain'], queryFn: () => api.get<Chain>('/api/audit/chain'), refetchInterval: 15_000 });
  const verify = useMutation({
    mutationFn: () => api.post<Verified>('/api/audit/verify', {}),
    onSuccess: (r) => {
      client.setQueryData(['audit', 'chain'], r.status);
      void client.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  const exportUrl = filters.from && filters.to ? `/api/audit/export${qs({ from: filters.from, to: filters.to })}` : null;
  const last = chain.data?.lastVerified;

  return (
    <>
      <PageHeader title={t('menu.audit')} sub={t('audit.sub')} />
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={t('audit.chain.title')}
        data-testid="audit-chain"
        extra={
          <Space>
            <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
              {t('audit.chain.verify')}
            </Button>
            <Button icon={<FileExcelOutlined />} href={exportUrl ?? undefined} disabled={!exportUrl} download data-testid="audit-export" title={exportUrl ? undefined : t('audit.exportHint')}>
              {t('audit.export')}
            </Button>
          </Space>
        }
      >
        <QueryError error={chain.error ?? verify.error} />
        {chain.data && (
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('audit.chain.last')}>
              {last ? (
                <Space size={4} wrap>
                  <span>{formatDateTime(last.at, tz)}</span>
                  {last.ok ? <Tag color="success">{t('audit.chain.ok')}</Tag> : <Tag color="error">{t('audit.chain.bad', { n: last.faults, seq: last.firstBadSeq ?? '' })}</Tag>}
                  <Typography.Text type="secondary">{t('audit.chain.checked', { n: last.rowsChecked })}</Typography.Text>
                </Space>
              ) : (
                t('audit.chain.never')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.chained')}>
              <span data-testid="audit-chained">{chain.data.chained + chain.data.archived}</span>
              {chain.data.archived > 0 && <Typography.Text type="secondary">{t('audit.chain.archived', { n: chain.data.archived })}</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.chain.unchained')}>
              <span data-testid="audit-unchained">{chain.data.unchained}</span>
              <Typography.Text type="secondary">{t('audit.chain.window', { days: chain.data.retentionDays })}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        )}
        {verify.data && verify.data.faults.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="audit-faults"
            title={t('audit.chain.faults')}
            description={verify.data.faults.slice(0, 10).map((f) => (
              <div key={`${f.kind}-${f.seq}-${f.id ?? ''}`}>
                {auditChainFaultLabels[f.kind]} · seq {f.seq}
                {f.count && f.count > 1 ? `–${f.seq + f.count - 1}` : ''}
              </div>
            ))}
          />
        )}
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} onFinish={search} layout="vertical" data-testid="audit-filters">
          <Row gutter={[12, 0]}>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="range" label={t('audit.range')}>
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item name="actor" label={t('audit.actor')}>
                <Input allowClear maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item name="entity" label={t('audit.entity')}>
                <AutoComplete
                  allowClear
                  options={ENTITIES.map((e) => ({ value: e, label: `${auditEntityLabels[e]} · ${e}` }))}
                  showSearch={{ filterOption: (input, option) => String(option?.label ?? '').includes(input) }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item name="action" label={t('audit.actionPrefix')}>
                <AutoComplete
                  allowClear
                  options={ACTIONS.map((a) => ({ value: a, label: `${auditActionLabels[a]} · ${a}` }))}
                  showSearch={{ filterOption: (input, option) => String(option?.label ?? '').includes(input) }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Form.Item name="entityId" label={t('audit.entityId')}>
                <Input allowClear maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} lg={8}>
              <Form.Item name="q" label={t('audit.q')} tooltip={t('audit.qHint')}>
                <Input allowClear maxLength={50} placeholder={t('audit.qHint')} />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="flex-end">
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({ from: undefined, to: undefined, actor: undefined, entity: undefined, action: undefined, entityId: undefined, q: undefined });
              }}
            >
              {t('audit.reset')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
          </Flex>
        </Form>
      </Card>
      <QueryError error={log.error} />
      <Table<Entry>
        rowKey="id"
        size="middle"
        data-testid="audit-table"
        loading={log.isFetching}
        dataSource={log.data?.items}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: log.data?.total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, size) => setFilters({ page: p, pageSize: size === 50 ? undefined : size }),
        }}
        expandable={{
          expandedRowRender: (e) => (
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <Json value={e.before} testId="audit-before" />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <Json value={e.after} testId="audit-after" />
              </Col>
            </Row>
          ),
          rowExpandable: (e) => e.before !== null || e.after !== null,
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, tz) },
          { title: t('audit.seq'), dataIndex: 'seq', width: 80, render: (v: number | null) => v ?? <Typography.Text type="secondary">{t('audit.pending')}</Typography.Text> },
          {
            title: t('audit.actor'),
            key: 'actor',
            width: 200,
            render: (_: unknown, e) => (
              <Space size={[4, 2]} wrap>
                <Typography.Text>{e.actorName}</Typography.Text>
                {e.actorRoles.map((r) => (
                  <Tag key={r} style={{ fontSize: 11, marginInlineEnd: 0 }}>
                    {isRole(r) ? roleLabels[r][locale] : r}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 200,
            render: (a: string) => (
              <div data-testid="audit-action">
                <Typography.Text strong={!!actionLabel(a)}>{actionLabel(a) ?? a}</Typography.Text>
                {actionLabel(a) && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                      {a}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          {
            title: t('audit.entity'),
            key: 'entity',
            width: 180,
            render: (_: unknown, e) => (
              <div data-testid="audit-object">
                <Typography.Text type="secondary">{entityLabel(e.entity)}</Typography.Text>
                {e.entityName && <div>{e.entityName}</div>}
              </div>
            ),
          },
          {
            title: t('audit.entityId'),
            dataIndex: 'entityId',
            width: 170,
            render: (v: string | null) =>
              v && (
                <Typography.Text copyable={{ text: v }} style={{ fontSize: 12 }} ellipsis={{ tooltip: v }}>
                  {v}
                </Typography.Text>
              ),
          },
          { title: t('audit.ip'), dataIndex: 'ip', width: 120, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
