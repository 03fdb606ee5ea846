/** A session day's attendance, as at lunch: everyone present in one tap, then the exceptions (on leave, absent). */
import type { LunchMark, SummerSession } from '@shuangjian/contracts';
import { Alert, Button, DatePicker, Flex, Segmented, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { type SummerDay, useCareWrites, useSummerDay } from './queries';
import { weekday } from './SummerRotaTab';
import './messages';

type Row = SummerDay['children'][number];

/** `mayTake(date)`: the site's manager, or whoever is on the rota that day. */
export function SummerDayTab({ session, today, mayTake }: { session: SummerSession; today: string; mayTake(date: string): boolean }) {
  const { t, locale } = useI18n();
  const [date, setDate] = useState(today < session.startDate ? session.startDate : today > session.endDate ? session.endDate : today);
  const day = useSummerDay(session.id, date);
  const [edits, setEdits] = useState<Record<string, LunchMark>>({});
  const writes = useCareWrites();
  const canTake = mayTake(date);
  const markOf = (c: Row): LunchMark => edits[c.studentId] ?? c.mark ?? 'present';
  const take = useSaveMutation({
    form: null,
    mutationFn: () =>
      writes.takeSummer(
        session.id,
        date,
        (day.data?.children ?? []).map((c) => ({ studentId: c.studentId, mark: markOf(c) })).filter((x): x is { studentId: string; mark: 'absent' | 'leave' } => x.mark !== 'present'),
      ),
    saved: (d) => t('afterSchool.care.summer.daySaved', { n: d.children.length }),
    onSuccess: () => setEdits({}),
  });
  const data = day.data;
  const leave = data ? data.children.filter((c) => markOf(c) === 'leave').length : 0;
  const absent = data ? data.children.filter((c) => markOf(c) === 'absent').length : 0;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex gap={8} align="center">
          <DatePicker
            allowClear={false}
            value={dayjs(date)}
            aria-label={t('afterSchool.care.lunch.date')}
            disabledDate={(d) => d.format('YYYY-MM-DD') < session.startDate || d.format('YYYY-MM-DD') > session.endDate}
            format={(d) => `${d.format('YYYY-MM-DD')} ${weekday(d.format('YYYY-MM-DD'), locale)}`}
            onChange={(v) => {
              if (!v) return;
              setDate(v.format('YYYY-MM-DD'));
              setEdits({});
            }}
          />
          {data && <Tag color={data.taken ? 'green' : 'default'}>{t(data.taken ? 'afterSchool.care.lunch.taken' : 'afterSchool.care.lunch.notTaken')}</Tag>}
        </Flex>
        {canTake && (
          <Button type="primary" disabled={!data?.children.length || date > today} loading={take.isPending} onClick={() => take.mutate(undefined)}>
            {t('afterSchool.care.lunch.allPresent')}
          </Button>
        )}
      </Flex>
      {date > today && <Alert type="info" showIcon title={t('afterSchool.care.summer.notYet')} />}
      {!canTake && date <= today && <Alert type="info" showIcon title={t('afterSchool.care.summer.onDutyOnly')} />}
      {day.error && <QueryError error={day.error} />}
      {data && (
        <span data-testid="summer-day-count">
          {t('afterSchool.care.summer.dayCount', { n: data.children.length, present: data.children.length - leave - absent, leave, absent })}
        </span>
      )}
      <Table<Row>
        rowKey="studentId"
        size="small"
        loading={day.isLoading}
        dataSource={data?.children ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('afterSchool.care.summer.school'), dataIndex: 'schoolName' },
          { title: t('afterSchool.care.student'), dataIndex: 'name' },
          {
            title: t('afterSchool.care.summer.attendance'),
            key: 'mark',
            render: (_, c) => (
              <Segmented<LunchMark>
                size="small"
                disabled={!canTake || date > today}
                value={markOf(c)}
                onChange={(m) => setEdits((x) => ({ ...x, [c.studentId]: m }))}
                options={(['present', 'leave', 'absent'] as const).map((m) => ({ value: m, label: t(`afterSchool.care.mark.${m}`) }))}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
