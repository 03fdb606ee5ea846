/** The tabs of an institution's file, for the institution (editable) and for the district and inspectors (read). */
import type { RegistryFile } from '@shuangjian/contracts';
import { Badge, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { CoursesTab } from './CoursesTab';
import { HistoryTab } from './HistoryTab';
import { MaterialsTab } from './MaterialsTab';
import { PackagesTab } from './PackagesTab';
import { ProfileTab } from './ProfileTab';
import { StaffTab } from './StaffTab';
import { VenuesTab } from './VenuesTab';

const TABS = ['profile', 'venues', 'staff', 'materials', 'courses', 'packages', 'history'] as const;

export function FileTabs({ file, editable }: { file: RegistryFile; editable: boolean }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'profile';
  const waiting = (rows: { status: string }[]) => rows.filter((r) => r.status === 'submitted').length;
  const label = (key: (typeof TABS)[number], n = 0) => (n ? <Badge count={n} size="small" offset={[8, -2]}>{t(`training.reg.tab.${key}`)}</Badge> : t(`training.reg.tab.${key}`));
  return (
    <Tabs
      activeKey={tab}
      onChange={(next) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', next); return n; }, { replace: true })}
      items={[
        { key: 'profile', label: label('profile'), children: <ProfileTab file={file} editable={editable} /> },
        { key: 'venues', label: label('venues'), children: <VenuesTab file={file} editable={editable} /> },
        { key: 'staff', label: label('staff'), children: <StaffTab file={file} editable={editable} /> },
        { key: 'materials', label: label('materials', waiting(file.materials)), children: <MaterialsTab file={file} editable={editable} /> },
        { key: 'courses', label: label('courses', waiting(file.courses)), children: <CoursesTab file={file} editable={editable} /> },
        { key: 'packages', label: label('packages', waiting(file.packages)), children: <PackagesTab file={file} editable={editable} /> },
        { key: 'history', label: label('history'), children: <HistoryTab history={file.history} /> },
      ]}
    />
  );
}
