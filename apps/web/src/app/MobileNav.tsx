/** On a phone the menu slides in from the left; loaded the first time it is opened. */
import { Drawer } from 'antd';
import { useI18n } from './i18n';
import NavMenu from './NavMenu';

export default function MobileNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={open} onClose={onClose} placement="left" size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
      <NavMenu onNavigate={onClose} />
    </Drawer>
  );
}
