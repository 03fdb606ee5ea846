/** 账号管理 (系统管理员): every account of the district; disable, enable, unlock, reset the password or the second factor. */
import { type Role, roleLabels } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import { api, ApiError, qs } from '../api';
import { useTimeZone } from '../auth';
import { useI18n } from '../i18n';
import './messages';

type Row = { id: string; username: string; name: string; status: 'active' | 'disabled'; locked: boolean; roles: Role[]; secondFactor: boolean; lastLoginAt: string | null };

export default function SystemAccountsPage() {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const list = useQuery({ queryKey: ['system', 'accounts', q, page], queryFn: () => api.get<{ items: Row[]; total: number }>(`/api/system/accounts${qs({ q, page })}`) });
  const act = async (work: () => Promise<string | void>) => {
    setNotice(null);
    try {
      const text = await work();
      if (text) setNotice({ type: 'success', text });
      await list.refetch();
    } catch (e) {
      setNotice({ type: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  };
  return (
    <Card title={t('system.accounts.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.Search placeholder={t('system.accounts.search')} allowClear onSearch={(v) => (setQ(v), setPage(1))} style={{ maxWidth: 320 }} />
        {notice && <Alert type={notice.type} showIcon title={notice.text} closable onClose={() => setNotice(null)} data-testid="accounts-notice" />}
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage, showSizeChanger: false }}
          scroll={{ x: 1050 }}
          columns={[
            { title: t('system.accounts.username'), dataIndex: 'username' },
            { title: t('system.accounts.name'), dataIndex: 'name' },
            { title: t('system.accounts.roles'), render: (_, r) => r.roles.map((role) => <Tag key={role}>{roleLabels[role][locale]}</Tag>) },
            {
              title: t('system.accounts.status'),
              render: (_, r) => (
                <>
                  <Tag color={r.status === 'active' ? 'green' : 'default'}>{t(`system.accounts.${r.status}`)}</Tag>
                  {r.locked && <Tag color="red">{t('system.accounts.locked')}</Tag>}
                </>
              ),
            },
            { title: t('system.accounts.factor'), render: (_, r) => (r.secondFactor ? <Tag color="blue">TOTP</Tag> : '—') },
            { title: t('system.accounts.lastLogin'), dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v, tz) : t('system.accounts.never')) },
            {
              title: t('common.actions'),
              render: (_, r) => (
                <Space size={0} wrap>
                  {r.status === 'active' ? (
                    // disabling ends the person's sessions at once: asked first
                    <Popconfirm title={t('system.accounts.disableConfirm', { name: r.name })} onConfirm={() => void act(() => api.patch(`/api/system/accounts/${r.id}`, { status: 'disabled' }).then(() => undefined))}>
                      <Button size="small" type="link">
                        {t('system.accounts.disable')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" type="link" onClick={() => void act(() => api.patch(`/api/system/accounts/${r.id}`, { status: 'active' }).then(() => undefined))}>
                      {t('system.accounts.enable')}
                    </Button>
                  )}
                  {r.locked && (
                    <Button size="small" type="link" onClick={() => void act(() => api.post(`/api/system/accounts/${r.id}/unlock`).then(() => undefined))}>
                      {t('system.accounts.unlock')}
                    </Button>
                  )}
                  <Popconfirm
                    title={t('system.accounts.resetPasswordConfirm', { name: r.name })}
                    onConfirm={() =>
                      void act(async () => {
                        const c = await api.post<{ name: string; username: string; initialPassword: string }>(`/api/system/accounts/${r.id}/reset-password`);
                        return t('system.accounts.newPassword', { name: c.name, username: c.username, password: c.initialPassword });
                      })
                    }
                  >
                    <Button size="small" type="link">
                      {t('system.accounts.resetPassword')}
                    </Button>
                  </Popconfirm>
                  {r.secondFactor && (
                    <Popconfirm title={t('system.accounts.resetFactorConfirm', { name: r.name })} onConfirm={() => void act(() => api.post(`/api/system/accounts/${r.id}/second-factor/reset`).then(() => undefined))}>
                      <Button size="small" type="link" danger data-testid={`reset-factor-${r.username}`}>
                        {t('system.accounts.resetFactor')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
