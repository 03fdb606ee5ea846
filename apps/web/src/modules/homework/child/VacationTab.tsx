/** The vacation tab (假期作业天天交清单): every day of a chosen range with its published list, the next two weeks first. */
import { CHILD_RANGE_MAX_DAYS } from '@shuangjian/contracts';
import { addDays, daysBetween } from '@shuangjian/policy';
import { Alert, Card, DatePicker, Empty, Flex, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { ChildExcellentLists } from '../vacation/ExcellentListCard';
import { HandInCard } from '../vacation/HandInCard';
import { useChildHandIns } from '../vacation/queries';
import { ListDay, useRange } from './ListDay';
import type { Child } from './types';

export default function VacationTab({ child, today }: { child: Child; today: string }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 13));
  const range = useRange(child.id, from, to);
  // 天天交: what was handed in for each vacation day of the range
  const handIns = useChildHandIns(child.id, from, to);
  const handInOf = new Map(handIns.data?.handIns.map((h) => [h.date, h]));
  const days = useMemo(() => Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i)), [from, to]);
  const byDate = new Map(range.data?.lists.map((l) => [l.date, l]));
  const withLists = days.filter((d) => byDate.has(d)).length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ChildExcellentLists studentId={child.id} />
      <Card styles={{ body: { padding: 12 } }}>
        <Typography.Text type="secondary">{t('hwv.vacation.hint', { n: CHILD_RANGE_MAX_DAYS })}</Typography.Text>
        <Flex gap={8} style={{ marginTop: 8 }}>
          <DatePicker
            size="large"
            value={dayjs(from)}
            allowClear={false}
            inputReadOnly
            style={{ flex: 1, minWidth: 0 }}
            aria-label={t('hwv.from')}
            onChange={(v) => {
              if (!v) return;
              const f = v.format('YYYY-MM-DD');
              setFrom(f);
              if (to < f || daysBetween(f, to) > CHILD_RANGE_MAX_DAYS - 1) setTo(addDays(f, 13));
            }}
          />
          <DatePicker
            size="large"
            value={dayjs(to)}
            allowClear={false}
            inputReadOnly
            style={{ flex: 1, minWidth: 0 }}
            aria-label={t('hwv.to')}
            disabledDate={(v) => v.format('YYYY-MM-DD') < from || daysBetween(from, v.format('YYYY-MM-DD')) > CHILD_RANGE_MAX_DAYS - 1}
            onChange={(v) => v && setTo(v.format('YYYY-MM-DD'))}
          />
        </Flex>
      </Card>
      {range.isLoading && <PageSpinner />}
      {range.error && <Alert type="error" showIcon title={range.error.message} />}
      {range.data &&
        (withLists === 0 ? (
          <Card>
            <Empty description={t('hwv.vacation.none')} />
          </Card>
        ) : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="child-vacation">
            {days.map((d) => (
              <div key={d}>
                <ListDay date={d} list={byDate.get(d)} testId="child-vacation-day" />
                {byDate.get(d)?.dayKind === 'vacation' && <HandInCard studentId={child.id} date={d} today={today} handIn={handInOf.get(d) ?? null} />}
              </div>
            ))}
          </Space>
        ))}
    </Space>
  );
}
