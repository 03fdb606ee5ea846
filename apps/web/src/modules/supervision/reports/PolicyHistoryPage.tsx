/**
 * 政策变更记录: every version of every district policy setting, newest first — what it changed against the value it
 * replaced, from which date, why, by whom and when; a version's full values open below its row.
 */
import './messages';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { PolicyHistoryEntry } from '@shuangjian/contracts';
import { Button, Card, Col, Empty, Flex, Grid, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { isKey, ValueView } from '../../homework/policies/values';
import { usePolicyHistory } from '../queries-reports';
import { diffPolicy, fieldLabel, leafText } from './policy-diff';

const STATUS_COLOR = { in_force: 'green', upcoming: 'gold', superseded: 'default' } as const;

export default function PolicyHistoryPage() {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const q = usePolicyHistory();
  const [key, setKey] = useState<string | undefined>();
  const screens = Grid.useBreakpoint();
  const items = useMemo(() => (q.data?.items ?? []).filter((i) => !key || i.key === key), [q.data, key]);
  const settings = useMemo(() => {
    const seen = new Map<string, string>();
    for (const i of q.data?.items ?? []) if (!seen.has(i.key)) seen.set(i.key, i.label[locale]);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [q.data, locale]);
  return (
    <>
      <PageHeader
        title={t('menu.policyHistory')}
        sub={t('pol.sub')}
        extra={
          <Flex gap={8} wrap>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('pol.allSettings')}
              style={{ width: 260, maxWidth: '100%' }}
              value={key}
              onChange={setKey}
              options={settings}
              data-testid="policy-history-filter"
            />
            <Link to="/settings/policies">
              <Button icon={<ArrowLeftOutlined />}>{t('pol.back')}</Button>
            </Link>
          </Flex>
        }
      />
      <QueryError error={q.error} />
      {screens.md === false ? (
        <List
          loading={q.isLoading}
          dataSource={items}
          data-testid="policy-history"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pol.empty')} /> }}
          renderItem={(e) => <EntryCard entry={e} />}
        />
      ) : (
        <Card size="small" styles={{ body: { padding: 0 } }}>
          <Table<PolicyHistoryEntry>
            rowKey="id"
            size="small"
            loading={q.isLoading}
            dataSource={items}
            data-testid="policy-history"
            scroll={{ x: 980 }}
            pagination={items.length > 30 ? { pageSize: 30, showSizeChanger: false, showTotal: (n) => t('pol.count', { n }) } : false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pol.empty')} /> }}
            expandable={{ expandedRowRender: (e) => <FullValues entry={e} /> }}
            columns={[
              {
                title: t('pol.effectiveFrom'),
                dataIndex: 'effectiveFrom',
                width: 130,
                render: (d: string, e) => (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text strong>{d}</Typography.Text>
                    <Tag color={STATUS_COLOR[e.status]}>{t(`pol.status.${e.status}`)}</Tag>
                  </Space>
                ),
              },
              {
                title: t('pol.setting'),
                key: 'setting',
                width: 230,
                render: (_: unknown, e) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text>{e.label[locale]}</Typography.Text>
                    <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                      {e.key}
                    </Typography.Text>
                  </Space>
                ),
              },
              { title: t('pol.change'), key: 'change', render: (_: unknown, e) => <ChangeList entry={e} /> },
              { title: t('pol.reason'), dataIndex: 'reason', width: 180, render: (r: string | null) => r ?? '—' },
              { title: t('pol.by'), dataIndex: 'createdBy', width: 90, render: (b: string | null) => b ?? '—' },
              { title: t('pol.at'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v, tz) },
            ]}
          />
        </Card>
      )}
    </>
  );
}

/** A version on a phone: its date and status, the setting, what changed, why, who and when. */
function EntryCard({ entry: e }: { entry: PolicyHistoryEntry }) {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="policy-history-row">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" wrap gap={4}>
          <Typography.Text strong>{e.effectiveFrom}</Typography.Text>
          <Tag color={STATUS_COLOR[e.status]}>{t(`pol.status.${e.status}`)}</Tag>
        </Flex>
        <Typography.Text>{e.label[locale]}</Typography.Text>
        <ChangeList entry={e} />
        {e.reason && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {e.createdBy ?? '—'} · {formatDateTime(e.createdAt, tz)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

const SHOWN = 6;

/** The changed leaves: 上学日 · 三年级 60 → 50. */
function ChangeList({ entry }: { entry: PolicyHistoryEntry }) {
  const { t, locale } = useI18n();
  const changes = diffPolicy(entry.previous, entry.value);
  const words = { yes: t('pol.yes'), no: t('pol.no') };
  if (!changes.length) return <Typography.Text type="secondary">{t('pol.noChange')}</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid="policy-change">
      {changes.slice(0, SHOWN).map((c) => (
        <span key={c.path.join('.')}>
          <Typography.Text type="secondary">{c.path.length ? c.path.map((s) => fieldLabel(s, locale)).join(' · ') : t('pol.to')}：</Typography.Text>
          {c.from === undefined ? (
            <Tag color="blue">{t('pol.added')}</Tag>
          ) : (
            <Typography.Text delete type="secondary">
              {leafText(c.from, words)}
            </Typography.Text>
          )}
          {' → '}
          {c.to === undefined ? <Tag>{t('pol.removed')}</Tag> : <Typography.Text strong>{leafText(c.to, words)}</Typography.Text>}
        </span>
      ))}
      {changes.length > SHOWN && <Typography.Text type="secondary">…（+{changes.length - SHOWN}）</Typography.Text>}
      {entry.previousIsDefault && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('pol.defaultWas')}
        </Typography.Text>
      )}
    </Flex>
  );
}

function FullValues({ entry }: { entry: PolicyHistoryEntry }) {
  const { t } = useI18n();
  const view = (v: unknown) =>
    isKey(entry.key) ? (
      <ValueView policyKey={entry.key} value={v} />
    ) : (
      <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{JSON.stringify(v, null, 2)}</pre>
    );
  return (
    <Row gutter={[16, 8]}>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('pol.from')}</Typography.Text>
        {entry.previousIsDefault && <Typography.Text type="secondary"> {t('pol.defaultWas')}</Typography.Text>}
        <div style={{ marginTop: 6 }}>{view(entry.previous)}</div>
      </Col>
      <Col xs={24} lg={12}>
        <Typography.Text strong>{t('pol.to')}</Typography.Text>
        <div style={{ marginTop: 6 }}>{view(entry.value)}</div>
      </Col>
    </Row>
  );
}
