/** The week tab: the seven days of a week, each with its published list. */
import { addDays, weekStart } from '@shuangjian/policy';
import { Alert, Button, Card, Space, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { Stepper } from '../components/Stepper';
import { ListDay, useRange } from './ListDay';
import { type Child, dayOnly } from './types';

export default function WeekTab({ child, date, today, onDate }: { child: Child; date: string; today: string; onDate(d: string): void }) {
  const { t, locale } = useI18n();
  const monday = weekStart(date);
  const sunday = addDays(monday, 6);
  const range = useRange(child.id, monday, sunday);
  const byDate = new Map(range.data?.lists.map((l) => [l.date, l]));
  const thisWeek = weekStart(today) === monday;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card styles={{ body: { padding: 10 } }}>
        <Stepper
          size="large"
          testId="child-week-stepper"
          label={t('hwv.weekRange', { from: dayOnly(monday, locale), to: dayOnly(sunday, locale) })}
          sub={
            thisWeek ? (
              <Tag color="blue">{t('hwv.thisWeek')}</Tag>
            ) : (
              <Button type="link" size="small" onClick={() => onDate(today)} style={{ padding: 0 }}>
                {t('hwv.backToThisWeek')}
              </Button>
            )
          }
          onPrev={() => onDate(addDays(date, -7))}
          onNext={() => onDate(addDays(date, 7))}
          prevLabel={t('hwv.prevWeek')}
          nextLabel={t('hwv.nextWeek')}
        />
      </Card>
      {range.isLoading && <PageSpinner />}
      {range.error && <Alert type="error" showIcon title={range.error.message} />}
      {range.data && (
        <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="child-week">
          {Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((d) => (
            <ListDay key={d} date={d} list={byDate.get(d)} testId="child-week-day" />
          ))}
        </Space>
      )}
    </Space>
  );
}
