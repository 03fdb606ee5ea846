/**
 * A parent's phone: a bottom tab bar instead of the menu button — today's homework (home), the week plan, the
 * children, the homework rules, and "more" for the rest of the menu.
 */
import { AppstoreOutlined, CalendarOutlined, FileProtectOutlined, HomeOutlined, SmileOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from './i18n';

interface Tab {
  key: string;
  icon: ReactNode;
  labelKey: string;
  to?: string;
}

const TABS: Tab[] = [
  { key: 'today', icon: <HomeOutlined />, labelKey: 'shell.tab.today', to: '/' },
  { key: 'week', icon: <CalendarOutlined />, labelKey: 'shell.tab.week', to: '/homework/child?tab=week' },
  { key: 'children', icon: <SmileOutlined />, labelKey: 'shell.tab.children', to: '/children' },
  { key: 'rules', icon: <FileProtectOutlined />, labelKey: 'shell.tab.rules', to: '/homework/rules' },
  { key: 'more', icon: <AppstoreOutlined />, labelKey: 'shell.tab.more' },
];

/** Height of the bar, for the page to leave room under its content. */
export const TAB_BAR_HEIGHT = 58;

function activeTab(pathname: string, search: string): string | null {
  if (pathname === '/') return 'today';
  if (pathname.startsWith('/homework/child')) return new URLSearchParams(search).get('tab') === 'week' ? 'week' : 'today';
  if (pathname.startsWith('/children')) return 'children';
  if (pathname.startsWith('/homework/rules')) return 'rules';
  return null;
}

export default function ParentTabBar({ onMore }: { onMore(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const active = activeTab(pathname, search);
  return (
    <nav
      aria-label={t('shell.tabs')}
      data-testid="parent-tabs"
      style={{
        position: 'fixed',
        insetInline: 0,
        bottom: 0,
        zIndex: 100,
        display: 'flex',
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        paddingBottom: 'env(safe-area-inset-bottom)',
        boxShadow: '0 -2px 8px rgba(0, 0, 0, 0.04)',
      }}
    >
      {TABS.map((tab) => {
        const on = tab.key === active;
        return (
          <button
            key={tab.key}
            type="button"
            aria-current={on ? 'page' : undefined}
            data-testid={`tab-${tab.key}`}
            onClick={() => (tab.to ? void navigate(tab.to) : onMore())}
            style={{
              flex: 1,
              height: TAB_BAR_HEIGHT,
              border: 0,
              background: 'none',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 2,
              color: on ? '#1677ff' : '#595959',
              fontSize: 12,
              cursor: 'pointer',
              padding: 0,
            }}
          >
            <span style={{ fontSize: 20, lineHeight: 1 }}>{tab.icon}</span>
            <span style={{ whiteSpace: 'nowrap' }}>{t(tab.labelKey)}</span>
          </button>
        );
      })}
    </nav>
  );
}
