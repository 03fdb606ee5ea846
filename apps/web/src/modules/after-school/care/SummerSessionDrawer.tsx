/** A summer session opened from its site: the roster (enrol, with a waiver), the staff rota, and a day's attendance. */
import type { SummerSession, SummerSite } from '@shuangjian/contracts';
import { Drawer, Tabs } from 'antd';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useSiteRota } from './queries';
import { SummerDayTab } from './SummerDayTab';
import { SummerRosterTab } from './SummerRosterTab';
import { SummerRotaTab } from './SummerRotaTab';
import './messages';

export function SummerSessionDrawer({ site, session, today, onClose }: { site: SummerSite; session: SummerSession; today: string; onClose(): void }) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const rota = useSiteRota(session);
  const mayTake = (date: string) => site.canManage || !!rota.data?.items.find((d) => d.date === date)?.staff.some((s) => s.userId === me?.user.id);
  return (
    <Drawer open size={Math.min(720, window.innerWidth)} destroyOnHidden title={`${site.name} · ${session.name} · ${session.startDate} ~ ${session.endDate}`} onClose={onClose}>
      <Tabs
        items={[
          { key: 'roster', label: t('afterSchool.care.summer.roster'), children: <SummerRosterTab site={site} session={session} today={today} /> },
          { key: 'rota', label: t('afterSchool.care.summer.rota'), children: <SummerRotaTab site={site} session={session} /> },
          { key: 'day', label: t('afterSchool.care.summer.attendance'), children: <SummerDayTab session={session} today={today} mayTake={mayTake} /> },
        ]}
      />
    </Drawer>
  );
}
