/**
 * The signed-in frame: menu from the route table, header naming the user's school (and district), notifications,
 * language switch and account menu. The menu loads beside the page on a wide screen, and when first opened on a phone;
 * a parent's phone has a bottom tab bar instead of the menu button.
 */
import { GlobalOutlined, MenuOutlined } from '@ant-design/icons';
import type { Me } from '@shuangjian/contracts';
import { Button, Grid, Layout, Space, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { AccountMenu } from './AccountMenu';
import { useMe } from './auth';
import { useI18n } from './i18n';
import { NotificationBell } from './NotificationBell';
import { PageSpinner } from '../components/PageSpinner';

const NavMenu = lazy(() => import('./NavMenu'));
const MobileNav = lazy(() => import('./MobileNav'));
const ParentTabBar = lazy(() => import('./ParentTabBar'));

/** Where the user works or their children learn: one school by name, several as "X 等 n 所学校"; none for district staff. */
function placeOf(me: Me, t: (key: string, vars?: Record<string, string | number>) => string): string | null {
  const names = [...new Set([...me.schools.map((s) => s.name), ...me.children.map((c) => c.schoolName), ...me.institutions.map((i) => i.name)])];
  if (!names.length) return null;
  return names.length === 1 ? names[0]! : t('shell.schools', { name: names[0]!, n: names.length, more: names.length - 1 });
}

export function Shell({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const { t, locale, setLocale } = useI18n();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [drawer, setDrawer] = useState(false);
  // mounted at the first tap on the menu button, then kept for its closing motion
  const [drawerUsed, setDrawerUsed] = useState(false);

  if (!me) return null;
  const place = placeOf(me, t);
  // parents on a phone: tabs at the bottom, no menu button
  const tabs = mobile && me.roles.length > 0 && me.roles.every((r) => r === 'parent');
  const openMenu = () => {
    setDrawerUsed(true);
    setDrawer(true);
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile && (
        <Layout.Sider width={220} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}>
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
          {mobile && !tabs && <Button type="text" icon={<MenuOutlined />} aria-label="menu" onClick={openMenu} />}
          <Typography.Text strong style={{ flex: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="header-place">
            {mobile ? (place ?? me.district.name) : place ? `${me.district.name} · ${place}` : me.district.name}
          </Typography.Text>
          <Space size={mobile ? 4 : 12}>
            <NotificationBell compact={mobile} enabled={!me.mustChangePassword} />
            <Button type="text" icon={<GlobalOutlined />} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
              {mobile ? null : t('shell.language')}
            </Button>
            <AccountMenu />
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 24, paddingBottom: tabs ? 12 + 58 : undefined }}>
          <Suspense fallback={<PageSpinner />}>{children}</Suspense>
        </Layout.Content>
      </Layout>
      {tabs && (
        <Suspense fallback={null}>
          <ParentTabBar onMore={openMenu} />
        </Suspense>
      )}
      {drawerUsed && (
        <Suspense fallback={null}>
          <MobileNav open={drawer} onClose={() => setDrawer(false)} />
        </Suspense>
      )}
    </Layout>
  );
}
