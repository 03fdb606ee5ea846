/** The menu of the route table, the entries the person may open, grouped. Loaded on its own: a phone shows it only on demand. */
import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from './auth';
import { useI18n } from './i18n';
import { groups, mayOpen, routes } from './routes';

/** A label the narrow menu may cut: the whole of it on hover. */
const labelOf = (text: string) => <span title={text}>{text}</span>;

export default function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { data: me } = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();

  const items = useMemo<MenuProps['items']>(() => {
    const visible = routes.filter((r) => r.menu !== false && mayOpen(r, me));
    const out: NonNullable<MenuProps['items']> = [];
    const grouped = new Map<string, typeof visible>();
    for (const r of visible) {
      if (!r.group) out.push({ key: r.path, icon: r.icon, label: labelOf(t(r.labelKey)) });
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
        ? { ...item, children: grouped.get(String(item.key).slice(6))!.map((r) => ({ key: r.path, icon: r.icon, label: labelOf(t(r.labelKey)) })) }
        : item,
    );
  }, [me, t]);

  // the deepest menu entry only: 通知与通报 (/supervision/notices) stays unlit on 发布通知 (/supervision/notices/sent)
  const deepest = routes
    .filter((r) => r.path !== '/' && r.menu !== false && location.pathname.startsWith(r.path))
    .reduce<string | null>((best, r) => (!best || r.path.length > best.length ? r.path : best), null);
  const selected = deepest ? [deepest] : [];
  const openGroups = routes.filter((r) => r.group && location.pathname.startsWith(r.path)).map((r) => `group:${r.group}`);
  return (
    <Menu
      mode="inline"
      // a narrower step per level leaves the labels room in the 220 px side bar (English labels are the longest)
      inlineIndent={16}
      items={items}
      selectedKeys={selected.length ? selected : [location.pathname]}
      defaultOpenKeys={openGroups.length ? openGroups : ['group:org']}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
