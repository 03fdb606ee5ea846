/**
 * 巡课 on the phone: pick the class, the day and the period, see what the published timetable holds, and record what is
 * actually taught; a different subject becomes a 阴阳课表 finding. The latest records below.
 */
import './messages';
import type { TaughtPeriod } from '@shuangjian/contracts';
import { isoWeekday, todayIn } from '@shuangjian/policy';
import { Alert, Button, Card, DatePicker, Flex, Input, List, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTimeZone } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { QueryError } from '../../components/QueryError';
import { subjectName, subjectOptions } from './subjects';
import { useClassTimetable, usePatrols, useSchoolTimetables, useTimetableWrites } from './queries';

export default function PatrolPage() {
  const { t, locale } = useI18n();
  // the district's today, not the device's
  const today = todayIn(useTimeZone());
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const school = useSchoolTimetables(schoolId);
  const [classId, setClassId] = useState<string | undefined>();
  const [date, setDate] = useState<Dayjs>(() => dayjs(today));
  const [period, setPeriod] = useState<number | undefined>();
  const [subject, setSubject] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<TaughtPeriod | null>(null);
  const tt = useClassTimetable(classId);
  const patrols = usePatrols({ schoolId: school.data?.school.id });
  const writes = useTimetableWrites();
  const day = date.format('YYYY-MM-DD');
  const weekday = isoWeekday(day);
  const timetabled = tt.data?.published?.cells.find((c) => c.day === weekday && c.period === period);
  const classes = school.data?.classes.filter((c) => c.status === 'published') ?? [];

  const record = async () => {
    if (!classId || !period || !subject) return;
    setBusy(true);
    setError(null);
    setLast(null);
    try {
      setLast(await writes.record({ classId, date: day, period, subject: subject as TaughtPeriod['subject'], note: note || null }));
      setNote('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.timetable.patrol')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('timetable.patrolSub')}</Typography.Text>
      {school.error && <QueryError error={school.error} />}
      <Card size="small">
        <Flex vertical gap={10}>
          {school.data && school.data.schools.length > 1 && (
            <Select aria-label={t('timetable.school')} value={school.data.school.id} onChange={(v) => (setSchoolId(v), setClassId(undefined))} options={school.data.schools.map((s) => ({ value: s.id, label: s.name }))} data-testid="patrol-school" />
          )}
          <Select placeholder={t('timetable.class')} aria-label={t('timetable.class')} value={classId} onChange={setClassId} options={classes.map((c) => ({ value: c.classId, label: c.className }))} data-testid="patrol-class" showSearch optionFilterProp="label" />
          <Flex gap={8}>
            <DatePicker value={date} onChange={(v) => v && setDate(v)} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} style={{ flex: 1 }} data-testid="patrol-date" />
            <Select
              placeholder={t('timetable.period')}
              aria-label={t('timetable.period')}
              value={period}
              onChange={setPeriod}
              style={{ width: 120 }}
              options={Array.from({ length: tt.data?.rules.periodsPerDay ?? 8 }, (_, i) => ({ value: i + 1, label: t('timetable.periodN', { n: i + 1 }) }))}
              data-testid="patrol-period"
            />
          </Flex>
          {classId && period && (
            <Alert type="info" showIcon data-testid="patrol-timetabled" title={timetabled ? t('timetable.timetabledIs', { subject: subjectName(timetabled.subject, locale) }) : t('timetable.timetabledNone')} />
          )}
          <Select placeholder={t('timetable.taught')} aria-label={t('timetable.taught')} value={subject} onChange={setSubject} options={subjectOptions(locale)} data-testid="patrol-subject" />
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('timetable.note')} maxLength={200} rows={2} />
          <Button type="primary" block onClick={() => void record()} loading={busy} disabled={!classId || !period || !subject} data-testid="patrol-record">
            {t('timetable.record')}
          </Button>
          {error && <Alert type="error" showIcon title={error} data-testid="patrol-error" />}
          {last && (
            <Alert
              type={last.conforming ? 'success' : 'warning'}
              showIcon
              data-testid="patrol-result"
              title={last.conforming ? t('timetable.conforming') : t('timetable.yinyang')}
              description={last.conforming ? undefined : t('timetable.yinyangDetail', { timetabled: subjectName(last.timetabled ?? '', locale), taught: subjectName(last.subject, locale) })}
            />
          )}
        </Flex>
      </Card>
      <Card size="small" title={t('timetable.recent')}>
        <List
          size="small"
          dataSource={patrols.data ?? []}
          locale={{ emptyText: t('timetable.noPatrols') }}
          renderItem={(p) => (
            <List.Item>
              <Flex vertical style={{ width: '100%' }}>
                <Flex justify="space-between">
                  <Typography.Text>
                    {p.className} · {p.date} · {t('timetable.periodN', { n: p.period })}
                  </Typography.Text>
                  {p.conforming ? <Tag color="green">{t('timetable.ok')}</Tag> : <Tag color="red">{t('timetable.yinyangShort')}</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('timetable.taughtLine', { timetabled: p.timetabled ? subjectName(p.timetabled, locale) : '—', taught: subjectName(p.subject, locale), by: p.recordedByName })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
