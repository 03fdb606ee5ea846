/** 体育活动填报 on the teacher's phone: the day (this week's school days), the class, the four answers, save. */
import { Alert, DatePicker, Empty, Flex, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { DayForm } from './day/DayForm';
import { useFitnessDay } from './queries';

export default function DayPage() {
  const { t } = useI18n();
  const [picked, setPicked] = useState<string | undefined>();
  const [classId, setClassId] = useState<string | undefined>();
  const day = useFitnessDay(picked);
  const data = day.data;
  const cls = data?.classes.find((c) => c.classId === classId) ?? data?.classes[0];
  const monday = data ? dayjs(data.today).subtract((dayjs(data.today).day() + 6) % 7, 'day') : null;

  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.five.fitnessDay')}
        </Typography.Title>
        {data && (
          <DatePicker
            inputReadOnly
            allowClear={false}
            value={dayjs(data.date)}
            disabledDate={(v) => v.format('YYYY-MM-DD') > data.today || (!!monday && v.isBefore(monday, 'day'))}
            onChange={(v) => v && setPicked(v.format('YYYY-MM-DD'))}
            style={{ width: 140 }}
            data-testid="fitness-date"
          />
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 12px' }}>
        {t('five.fitness.daySub')}
      </Typography.Paragraph>
      {day.error && <QueryError error={day.error} />}
      {day.isLoading && <PageSpinner />}
      {data && !data.classes.length && <Empty description={t('five.fitness.noClasses')} />}
      {data && !data.schoolDay && <Alert type="info" showIcon title={t('five.fitness.notSchoolDay', { date: data.date, name: data.dayName ?? '' })} />}
      {data?.schoolDay && !data.editable && <Alert type="info" showIcon title={t('five.fitness.locked')} style={{ marginBottom: 12 }} />}
      {data?.schoolDay && cls && (
        <Flex vertical gap={12}>
          {data.classes.length > 1 && (
            <Select
              value={cls.classId}
              onChange={setClassId}
              options={data.classes.map((c) => ({ value: c.classId, label: `${c.className}${c.record ? ' ✓' : ''}` }))}
              aria-label={t('five.fitness.class')}
              data-testid="fitness-class"
            />
          )}
          {data.classes.length === 1 && <Typography.Text strong>{cls.className}</Typography.Text>}
          <DayForm key={`${cls.classId}-${data.date}`} day={data} cls={cls} />
        </Flex>
      )}
    </div>
  );
}
