/** 弹性上下班: per teacher and month, the sessions served, the minutes after the normal end and the later starts they earn. */
import type { FlexHoursMonth } from '@shuangjian/contracts';
import { DatePicker, Empty, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFlexHours } from './queries';

type Teacher = FlexHoursMonth['teachers'][number];

export default function FlexHoursPage() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const [month, setMonth] = useState(today.slice(0, 7));
  const flex = useFlexHours(month);
  const min = (n: number) => t('afterSchool.daily.flex.minutes', { n });
  const rule = flex.data?.rule;

  return (
    <div>
      <PageHeader
        title={t('menu.afterSchool.flexHours')}
        sub={rule && t('afterSchool.daily.flex.sub', { normalEnd: rule.normalEnd, percent: rule.creditPercent, min: rule.minLateMinutes, max: rule.maxCreditMinutesPerDay })}
        extra={
          <DatePicker picker="month" inputReadOnly allowClear={false} value={dayjs(`${month}-01`)} onChange={(v) => v && setMonth(v.format('YYYY-MM'))} />
        }
      />
      {flex.error && <QueryError error={flex.error} />}
      <Table<Teacher>
        rowKey="teacherId"
        size="small"
        loading={flex.isFetching}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: <Empty description={t('afterSchool.daily.flex.none')} /> }}
        dataSource={flex.data?.teachers ?? []}
        expandable={{
          rowExpandable: (r) => r.items.length > 0,
          expandedRowRender: (r) => (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {r.items.map((i) => (
                <li key={i.sessionId}>
                  <Typography.Text>
                    {t('afterSchool.daily.flex.item', {
                      date: i.date,
                      course: i.courseName,
                      end: i.endTime,
                      late: i.lateMinutes,
                      credit: i.creditMinutes,
                      creditDate: i.creditDate ?? t('afterSchool.daily.flex.noCreditDate'),
                    })}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: t('afterSchool.daily.flex.teacher'), dataIndex: 'name' },
          { title: t('afterSchool.daily.flex.sessions'), dataIndex: 'sessions', align: 'right' },
          { title: t('afterSchool.daily.flex.hours'), dataIndex: 'minutesServed', align: 'right', render: (v: number) => t('afterSchool.daily.flex.hm', { h: Math.floor(v / 60), m: v % 60 }) },
          { title: t('afterSchool.daily.flex.late'), dataIndex: 'lateMinutes', align: 'right', render: min },
          { title: t('afterSchool.daily.flex.credit'), dataIndex: 'creditMinutes', align: 'right', render: (v: number) => <b>{min(v)}</b> },
        ]}
      />
    </div>
  );
}
