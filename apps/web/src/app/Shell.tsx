/** The signed-in frame: menu from the route table, header with district, notifications, language switch and account menu. */
import { BellOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { type NotificationList, roleLabels } from '@shuangjian/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Dropdown, Empty, Flex, Grid, Layout, Menu, type MenuProps, Popover, Space, Typography } from 'antd';
import { type ReactNode, Suspense, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { api } from './api';
import { useMe } from './auth';
import { useI18n, useT } from './i18n';
import { groups, mayOpen, routes } from './routes';
import { formatDateTime } from '../components/format';
import { PageSpinner } from '../components/PageSpinner';

export function Shell({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [drawer, setDrawer] = useState(false);

  const items = useMemo<MenuProps['items']>(() => {
    const visible = routes.filter((r) => r.menu !== false && mayOpen(r, me));
    const out: NonNullable<MenuProps['items']> = [];
    const grouped = new Map<string, typeof visible>();
    for (const r of visible) {
      if (!r.group) out.push({ key: r.path, icon: r.icon, label: t(r.labelKey) });
      else {
        if (!grouped.has(r.group)) {
          grouped.set(r.group, []);
          out.push({ key: `group:${r.group}`, icon: groups[r.group]!.icon, label: t(groups[r.group]!.labelKey), children: [] });
        }
        grouped.get(r.group)!.push(r);
      }
    }
    return out.map((item) =>
      item && 'children' in item && String(item.key).startsWith('group:')
        ? { ...item, children: grouped.get(String(item.key).slice(6))!.map((r) => ({ key: r.path, icon: r.icon, label: t(r.labelKey) })) }
        : item,
    );
  }, [me, t]);

  if (!me) return null;
  const selected = routes.filter((r) => r.path !== '/' && location.pathname.startsWith(r.path)).map((r) => r.path);
  const openGroups = routes.filter((r) => r.group && location.pathname.startsWith(r.path)).map((r) => `group:${r.group}`);
  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected.length ? selected : [location.pathname]}
      defaultOpenKeys={openGroups.length ? openGroups : ['group:org']}
      onClick={({ key }) => {
        void navigate(key);
        setDrawer(false);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    client.clear();
    void navigate('/login');
  };
  const account: MenuProps['items'] = [
    { key: 'roles', disabled: true, label: me.roles.map((r) => roleLabels[r][locale]).join('、') },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('shell.changePassword'), onClick: () => void navigate('/password') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), onClick: () => void logout() },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider width={220} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '18px 20px', fontWeight: 600, fontSize: 16, color: '#1677ff' }}>{t('app.name')}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: mobile ? '0 12px' : '0 24px', display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0' }}
        >
          {mobile && <Button type="text" icon={<MenuOutlined />} aria-label="menu" onClick={() => setDrawer(true)} />}
          <Typography.Text strong style={{ flex: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {mobile ? t('app.short') : me.district.name}
          </Typography.Text>
          <Space size={mobile ? 4 : 12}>
            <NotificationBell compact={mobile} enabled={!me.mustChangePassword} />
            <Button type="text" icon={<GlobalOutlined />} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
              {mobile ? null : t('shell.language')}
            </Button>
            <Dropdown menu={{ items: account }} trigger={['click']}>
              <Button type="text" icon={<UserOutlined />} data-testid="account-menu">
                {me.user.name}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24 }}>
          <Suspense fallback={<PageSpinner />}>{children}</Suspense>
        </Layout.Content>
      </Layout>
      <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
        {menu}
      </Drawer>
    </Layout>
  );
}

type NotificationPage = z.infer<typeof NotificationList>;

/**
 * The bell: unread count (refreshed every minute), the latest messages with their links, mark one or all read. Not
 * asked while the password must be changed first (the server answers nothing else then).
 */
function NotificationBell({ compact, enabled }: { compact?: boolean; enabled: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: ['notifications'], queryFn: () => api.get<NotificationPage>('/api/notifications'), refetchInterval: 60_000, enabled });
  const read = useMutation({
    mutationFn: (body: { ids?: string[]; all?: boolean }) => api.post<NotificationPage>('/api/notifications/read', body),
    onSuccess: (next) => client.setQueryData(['notifications'], next),
  });
  const unread = list.data?.unread ?? 0;
  const content = (
    <div style={{ width: compact ? 300 : 360, maxHeight: 440, overflowY: 'auto' }} data-testid="notifications">
      {!list.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <Flex vertical>
          {list.data.items.map((n) => (
            <div
              key={n.id}
              role="button"
              tabIndex={0}
              data-testid="notification"
              onClick={() => {
                if (!n.readAt) read.mutate({ ids: [n.id] });
                setOpen(false);
                if (n.link) void navigate(n.link);
              }}
              onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLElement).click()}
              style={{ padding: '8px 4px', borderBottom: '1px solid #f0f0f0', cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff' }}
            >
              <Flex gap={6} align="baseline">
                {!n.readAt && <Badge status="processing" />}
                <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              </Flex>
              {n.body && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0' }}>
                  {n.body}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt)}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      )}
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      content={content}
      title={
        <Flex justify="space-between" align="center">
          <span>{t('notifications.title')}</span>
          <Button type="link" size="small" disabled={!unread} loading={read.isPending} onClick={() => read.mutate({ all: true })} data-testid="notifications-read-all">
            {t('notifications.readAll')}
          </Button>
        </Flex>
      }
    >
      <Button type="text" aria-label={t('notifications.title')} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
