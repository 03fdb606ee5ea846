/** 角色授权 (安全管理员): the district-level roles, the 三员 roles included; grants and revocations need a recent code. */
import { type Role, roleLabels } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError, qs } from '../api';
import { useI18n } from '../i18n';
import './messages';

type Holder = { id: string; username: string; name: string; assignments: { id: string; role: Role; zoneId: string | null }[] };
const GRANTABLE: Role[] = ['district_admin', 'inspector', 'system_admin', 'security_admin', 'auditor'];

export default function GrantsPage() {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState<Record<string, Role>>({});
  const list = useQuery({ queryKey: ['security', 'grants', q], queryFn: () => api.get<{ items: Holder[] }>(`/api/security/grants${qs({ q })}`) });
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await list.refetch();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card title={t('security.grants.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.Search placeholder={t('system.accounts.search')} allowClear onSearch={setQ} style={{ maxWidth: 320 }} />
        {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} data-testid="grants-error" />}
        <Table<Holder>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={false}
          columns={[
            { title: t('system.accounts.username'), dataIndex: 'username' },
            { title: t('system.accounts.name'), dataIndex: 'name' },
            {
              title: t('system.accounts.roles'),
              render: (_, h) =>
                h.assignments.map((a) => (
                  <Tag
                    key={a.id}
                    closable={GRANTABLE.includes(a.role)}
                    onClose={(e) => {
                      e.preventDefault();
                      void act(() => api.delete(`/api/security/grants/${a.id}`));
                    }}
                  >
                    {roleLabels[a.role][locale]}
                  </Tag>
                )),
            },
            {
              title: t('security.grants.role'),
              render: (_, h) => (
                <Space.Compact>
                  <Select<Role>
                    style={{ width: 160 }}
                    value={pick[h.id]}
                    onChange={(v) => setPick((p) => ({ ...p, [h.id]: v }))}
                    options={GRANTABLE.map((r) => ({ value: r, label: roleLabels[r][locale] }))}
                  />
                  <Button disabled={!pick[h.id]} onClick={() => void act(() => api.post('/api/security/grants', { userId: h.id, role: pick[h.id] }))}>
                    {t('security.grants.grant')}
                  </Button>
                </Space.Compact>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
