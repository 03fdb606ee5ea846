/** 体育活动周报: per class, which school days of the week miss a record or a rule, and the PE lessons against the grade. */
import type { FitnessClassWeek } from '@shuangjian/contracts';
import { Card, DatePicker, Flex, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useVersionText } from './Findings';
import { useFitnessWeek } from './queries';

type Day = FitnessClassWeek['days'][number];

export default function WeekPage() {
  const { t } = useI18n();
  const versionText = useVersionText();
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const [date, setDate] = useState<string | undefined>(params.get('date') ?? undefined);
  const classId = params.get('classId') ?? undefined;
  const schools = me?.schools ?? [];
  const needsSchool = !classId && schools.length > 1;
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const week = useFitnessWeek({ date, classId, schoolId: needsSchool ? schoolId : undefined }, !needsSchool || !!schoolId);
  const data = week.data;
  const dates = data?.classes[0]?.days.map((d) => d.date) ?? [];

  const cell = (day: Day | undefined) => {
    if (!day) return null;
    if (day.missing) return <Tag color="red">{t('five.fitness.missing')}</Tag>;
    if (!day.record) return <Typography.Text type="secondary">{t('five.fitness.future')}</Typography.Text>;
    if (!day.misses.length) return <Tag color="green">{t('five.fitness.ok')}</Tag>;
    return (
      <Flex gap={2} wrap>
        {day.misses.map((m) => (
          <Tag key={m} color="orange" style={{ marginInlineEnd: 0 }}>
            {t(`five.fitness.item.${m}`)}
          </Tag>
        ))}
      </Flex>
    );
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.five.fitnessWeek')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {needsSchool && (
            <Select
              style={{ width: 200 }}
              placeholder={t('five.fitness.pickSchool')}
              value={schoolId}
              onChange={setSchoolId}
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
              data-testid="fitness-week-school"
            />
          )}
          <DatePicker picker="week" inputReadOnly allowClear={false} value={dayjs(date ?? data?.today)} onChange={(v) => v && setDate(v.format('YYYY-MM-DD'))} />
        </Flex>
      </Flex>
      <Typography.Text type="secondary">{t('five.fitness.weekSub')}</Typography.Text>
      {week.error && <QueryError error={week.error} />}
      {data && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {data.schoolName ? `${data.schoolName} · ` : ''}
          {t('five.fitness.rules', { bigBreak: data.rule.bigBreakMinMinutes, eye: data.rule.eyeExercisesPerDay, activity: data.rule.dailyActivityMinutes, version: `five-managements.fitness ${versionText(data.rule)}` })}
        </Typography.Text>
      )}
      <Card size="small">
        <Table<FitnessClassWeek>
          rowKey="classId"
          size="small"
          loading={week.isFetching}
          dataSource={data?.classes ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          data-testid="fitness-week-table"
          columns={[
            { title: t('five.fitness.class'), dataIndex: 'className', fixed: 'left', width: 110 },
            ...dates.map((d) => ({
              title: dayjs(d).format('M/D ddd'),
              key: d,
              width: 96,
              render: (_: unknown, c: FitnessClassWeek) => cell(c.days.find((x) => x.date === d)),
            })),
            {
              title: t('five.fitness.peCol'),
              key: 'pe',
              width: 120,
              render: (_: unknown, c: FitnessClassWeek) =>
                c.pe.pending ? (
                  <Typography.Text type="secondary">{t('five.fitness.pePending', { held: c.pe.actual, required: c.pe.required })}</Typography.Text>
                ) : (
                  <Tag color={c.pe.ok ? 'green' : 'red'} title={c.pe.rule}>
                    {c.pe.actual}/{c.pe.required}
                  </Tag>
                ),
            },
            { title: t('five.fitness.eyeCol'), key: 'eye', width: 90, render: (_: unknown, c: FitnessClassWeek) => `${c.eyeDone}/${c.eyeDue}` },
          ]}
        />
      </Card>
    </Flex>
  );
}
