/** 角色授权 (安全管理员): the district-level roles, the 三员 roles included; grants and revocations need a recent code. */
import { type Role, roleLabels } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError, qs } from '../api';
import { useI18n } from '../i18n';
import './messages';

type Holder = { id: string; username: string; name: string; assignments: { id: string; role: Role; zoneId: string | null }[] };
const GRANTABLE: Role[] = ['district_admin', 'inspector', 'system_admin', 'security_admin', 'auditor'];

/** The roles this page does not grant (a school's, given by the school), once each with how many assignments hold it. */
function heldElsewhere(h: Holder): [Role, number][] {
  const counts = new Map<Role, number>();
  for (const a of h.assignments) if (!GRANTABLE.includes(a.role)) counts.set(a.role, (counts.get(a.role) ?? 0) + 1);
  return [...counts];
}

export default function GrantsPage() {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState<Record<string, Role>>({});
  const [revoking, setRevoking] = useState<string | null>(null);
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
              render: (_, h) => (
                <Space size={[0, 4]} wrap>
                  {/* a district role, each grant its own tag (revoked after a confirmation); a school role once, with how many places it is held */}
                  {h.assignments
                    .filter((a) => GRANTABLE.includes(a.role))
                    .map((a) => (
                      // the close mark asks first: revoking takes the person's permissions at once
                      <Popconfirm
                        key={a.id}
                        open={revoking === a.id}
                        onOpenChange={(open) => !open && setRevoking(null)}
                        title={t('security.grants.revokeConfirm', { role: roleLabels[a.role][locale], name: h.name })}
                        onConfirm={() => {
                          setRevoking(null);
                          void act(() => api.delete(`/api/security/grants/${a.id}`));
                        }}
                        onCancel={() => setRevoking(null)}
                      >
                        <Tag
                          color="blue"
                          closable
                          onClose={(e) => {
                            e.preventDefault();
                            setRevoking(a.id);
                          }}
                        >
                          {roleLabels[a.role][locale]}
                        </Tag>
                      </Popconfirm>
                    ))}
                  {heldElsewhere(h).map(([role, n]) => (
                    <Tag key={role}>{n > 1 ? `${roleLabels[role][locale]} ×${n}` : roleLabels[role][locale]}</Tag>
                  ))}
                </Space>
              ),
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
