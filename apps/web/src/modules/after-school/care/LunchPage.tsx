/**
 * 午餐午托 (a school's page): this semester's offer (kitchens, fee), today's meals per kitchen for the canteen, the
 * day's attendance in one tap then exceptions, the children taking it (the school enrols and ends), and the month's fees
 * for the finance officer, with its spreadsheet.
 */
import { SettingOutlined } from '@ant-design/icons';
import { DEFAULT_TIME_ZONE, type Fen, formatYuan, todayIn } from '@shuangjian/policy';
import { Button, Card, Descriptions, Empty, Tabs } from 'antd';
import { useState } from 'react';
import { can, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSemesters } from '../../calendar/queries';
import { LunchDayCard } from './LunchDayCard';
import { LunchEnrolmentsCard } from './LunchEnrolmentsCard';
import { LunchMonthCard } from './LunchMonthCard';
import { LunchOfferForm } from './LunchOfferForm';
import { useLunchOffers } from './queries';
import './messages';

export default function LunchPage() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const today = todayIn(useTimeZone() ?? DEFAULT_TIME_ZONE);
  const schoolId = me?.schools[0]?.id;
  const semesters = useSemesters();
  const semester = semesters.data?.find((s) => s.startDate <= today && today <= s.endDate);
  const offers = useLunchOffers(schoolId);
  const offer = offers.data?.items.find((o) => o.semesterId === semester?.id) ?? null;
  const [editing, setEditing] = useState(false);
  const canPlan = can(me, 'after-school.plan');
  const fee = offer && formatYuan(offer.feeFen as Fen, { locale });

  return (
    <>
      <PageHeader
        title={t('menu.afterSchool.lunch')}
        sub={t('afterSchool.care.lunch.sub')}
        extra={
          canPlan &&
          semester && (
            <Button icon={<SettingOutlined />} onClick={() => setEditing(true)}>
              {t('afterSchool.care.lunch.setup')}
            </Button>
          )
        }
      />
      {offers.error && <QueryError error={offers.error} />}
      {offers.data && !offer && <Empty description={t('afterSchool.care.lunch.none')} />}
      {offer && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 4 }}
              items={[
                { key: 's', label: semester?.name, children: offer.schoolName },
                { key: 'k', label: t('afterSchool.care.kitchen'), children: offer.kitchens.join('、') },
                { key: 'f', label: t('afterSchool.care.lunch.feeMode'), children: t(offer.feeMode === 'daily' ? 'afterSchool.care.lunch.feeDaily' : 'afterSchool.care.lunch.feeMonthly', { fee: fee! }) },
                { key: 'n', label: t('afterSchool.care.lunch.enrolled', { n: '' }).trim(), children: offer.enrolled },
              ]}
            />
          </Card>
          <Tabs
            items={[
              { key: 'day', label: t('afterSchool.care.lunch.attendance'), children: <LunchDayCard offerId={offer.id} today={today} canTake={can(me, 'after-school.run')} /> },
              {
                key: 'list',
                label: t('afterSchool.care.lunch.enrolled', { n: offer.enrolled }),
                children: <LunchEnrolmentsCard offer={offer} today={today} canPlan={canPlan} />,
              },
              ...(can(me, 'after-school.finance') ? [{ key: 'month', label: t('afterSchool.care.month'), children: <LunchMonthCard offerId={offer.id} today={today} /> }] : []),
            ]}
          />
        </>
      )}
      {editing && schoolId && semester && <LunchOfferForm schoolId={schoolId} semesterId={semester.id} offer={offer} onClose={() => setEditing(false)} />}
    </>
  );
}
