/**
 * 政策参数: every district policy setting of every module, each with the value in force, the shipped default and its
 * versions. The district office adds a version from a date on (never before today: rules already applied stay as
 * they were), with a reason; every check the platform makes cites the version it applied.
 */
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { PolicyEntry } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { api } from '../../app/api';
import { can, useMe, useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { districtToday } from './components/model';
import { ValueView } from './policies/values';
import { VersionModal } from './policies/VersionModal';

type Entry = z.infer<typeof PolicyEntry>;
type Version = NonNullable<Entry['current']>;

export default function PoliciesPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const policies = useQuery({ queryKey: ['policies'], queryFn: () => api.get<Entry[]>('/api/policies') });
  const [editing, setEditing] = useState<Entry | null>(null);
  const manage = can(me, 'policy.manage');
  return (
    <>
      <PageHeader
        title={t('menu.policies')}
        sub={t('hw.policy.sub')}
        extra={
          <Link to="/settings/policies/history" data-testid="policy-history-link">
            <Button icon={<HistoryOutlined />}>{t('menu.policyHistory')}</Button>
          </Link>
        }
      />
      {policies.error && <Alert type="error" showIcon title={policies.error.message} />}
      <Flex vertical gap={16}>
        {(policies.isLoading ? [] : (policies.data ?? [])).map((p) => (
          <PolicyCard key={p.key} entry={p} onEdit={manage ? () => setEditing(p) : undefined} />
        ))}
        {policies.isLoading && <Card loading />}
      </Flex>
      {editing && <VersionModal entry={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function PolicyCard({ entry, onEdit }: { entry: Entry; onEdit?: () => void }) {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const today = districtToday(tz);
  const current = entry.current?.value ?? entry.default;
  const sameAsDefault = JSON.stringify(current) === JSON.stringify(entry.default);
  return (
    <Card
      size="small"
      data-testid={`policy-${entry.key}`}
      title={entry.label[locale]}
      extra={
        <Space>
          <Typography.Text type="secondary" code>
            {entry.key}
          </Typography.Text>
          {onEdit && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={onEdit} data-testid="policy-new-version">
              {t('hw.policy.newVersion')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[24, 12]}>
        <Col xs={24} lg={sameAsDefault ? 24 : 12}>
          <Typography.Text strong>{t('hw.policy.inForce')}</Typography.Text>{' '}
          {entry.current ? (
            <Tag color="blue">{t('hw.policy.since', { date: entry.current.effectiveFrom })}</Tag>
          ) : (
            <Tag>{t('hw.policy.defaultApplies')}</Tag>
          )}
          {sameAsDefault && entry.current && <Tag>{t('hw.policy.sameAsDefault')}</Tag>}
          <div style={{ marginTop: 8 }}>
            <ValueView policyKey={entry.key} value={current} schema={entry.schema} />
          </div>
        </Col>
        {!sameAsDefault && (
          <Col xs={24} lg={12}>
            <Typography.Text strong>{t('hw.policy.default')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <ValueView policyKey={entry.key} value={entry.default} schema={entry.schema} />
            </div>
          </Col>
        )}
      </Row>
      <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
        {t('hw.policy.history')}
      </Typography.Text>
      {entry.versions.length === 0 ? (
        <Typography.Text type="secondary">{t('hw.policy.noVersions')}</Typography.Text>
      ) : (
        <Table<Version>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={entry.versions}
          scroll={{ x: 720 }}
          columns={[
            {
              title: t('hw.policy.effectiveFrom'),
              dataIndex: 'effectiveFrom',
              width: 170,
              render: (d: string, v) => (
                <Space size={4}>
                  {d}
                  {v.id === entry.current?.id ? <Tag color="green">{t('hw.policy.current')}</Tag> : d > today ? <Tag color="gold">{t('hw.policy.upcoming')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('hw.policy.value'), key: 'value', render: (_: unknown, v) => <ValueView policyKey={entry.key} value={v.value} schema={entry.schema} compact /> },
            { title: t('hw.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
            { title: t('hw.policy.by'), dataIndex: 'createdBy', width: 90 },
            { title: t('hw.policy.at'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, tz) },
          ]}
        />
      )}
    </Card>
  );
}
