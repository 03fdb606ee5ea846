/**
 * The signed-in frame: menu from the route table, header with district, notifications, language switch and account menu.
 * The menu loads beside the page on a wide screen, and when first opened on a phone.
 */
import { GlobalOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Space, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { AccountMenu } from './AccountMenu';
import { useMe } from './auth';
import { useI18n } from './i18n';
import { NotificationBell } from './NotificationBell';
import { PageSpinner } from '../components/PageSpinner';

const NavMenu = lazy(() => import('./NavMenu'));
const MobileNav = lazy(() => import('./MobileNav'));

export function Shell({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const { t, locale, setLocale } = useI18n();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [drawer, setDrawer] = useState(false);
  // mounted at the first tap on the menu button, then kept for its closing motion
  const [drawerUsed, setDrawerUsed] = useState(false);

  if (!me) return null;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider width={220} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '18px 20px', fontWeight: 600, fontSize: 16, color: '#1677ff' }}>{t('app.name')}</div>
          <Suspense fallback={null}>
            <NavMenu />
          </Suspense>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: mobile ? '0 12px' : '0 24px', display: 'flex', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0' }}
        >
          {mobile && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="menu"
              onClick={() => {
                setDrawerUsed(true);
                setDrawer(true);
              }}
            />
          )}
          <Typography.Text strong style={{ flex: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {mobile ? t('app.short') : me.district.name}
          </Typography.Text>
          <Space size={mobile ? 4 : 12}>
            <NotificationBell compact={mobile} enabled={!me.mustChangePassword} />
            <Button type="text" icon={<GlobalOutlined />} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
              {mobile ? null : t('shell.language')}
            </Button>
            <AccountMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24 }}>
          <Suspense fallback={<PageSpinner />}>{children}</Suspense>
        </Layout.Content>
      </Layout>
      {drawerUsed && (
        <Suspense fallback={null}>
          <MobileNav open={drawer} onClose={() => setDrawer(false)} />
        </Suspense>
      )}
    </Layout>
  );
}
