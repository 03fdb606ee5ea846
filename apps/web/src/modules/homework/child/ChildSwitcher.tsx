/** The parent's choice of child, shown only when there are several: one tap each, names in full. */
import { Segmented } from 'antd';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';

export function ChildSwitcher({ value, onChange }: { value: string; onChange(id: string): void }) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const children = me?.children ?? [];
  if (children.length < 2) return null;
  return (
    <Segmented
      block
      size="large"
      value={value}
      options={children.map((c) => ({ value: c.id, label: c.name }))}
      onChange={(v) => onChange(String(v))}
      style={{ margin: '4px 0 10px' }}
      aria-label={t('hwf.home.pick')}
      data-testid="child-picker"
    />
  );
}
