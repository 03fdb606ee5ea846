/** The day's lunch: meals per kitchen for the canteen, and the attendance — all present in one tap, then the exceptions. */
import type { LunchDay, LunchMark } from '@shuangjian/contracts';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Segmented, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useCareWrites, useLunchDay } from './queries';
import './messages';

type Row = LunchDay['children'][number];

export function LunchDayCard({ offerId, today, canTake }: { offerId: string; today: string; canTake: boolean }) {
  const { t } = useI18n();
  const [date, setDate] = useState(today);
  const day = useLunchDay(offerId, date);
  /** What the teacher changed since the day was loaded; everything else as recorded, or present. */
  const [edits, setEdits] = useState<Record<string, LunchMark>>({});
  const writes = useCareWrites();
  const markOf = (c: Row): LunchMark => edits[c.studentId] ?? c.mark ?? 'present';
  const marks = Object.fromEntries((day.data?.children ?? []).map((c) => [c.studentId, markOf(c)]));
  const take = useSaveMutation({
    form: null,
    mutationFn: () =>
      writes.takeLunch(
        offerId,
        date,
        Object.entries(marks)
          .filter(([, m]) => m !== 'present')
          .map(([studentId, m]) => ({ studentId, mark: m as 'absent' | 'leave' })),
      ),
    saved: (d) => t('afterSchool.care.lunch.saved', { n: d.children.length }),
    onSuccess: () => setEdits({}),
  });
  const data = day.data;
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('afterSchool.care.lunch.today')}
        extra={<DatePicker allowClear={false} value={dayjs(date)} onChange={(v) => {
              if (!v) return;
              setDate(v.format('YYYY-MM-DD'));
              setEdits({});
            }} aria-label={t('afterSchool.care.lunch.date')} />}
      >
        {data && !data.schoolDay && <Alert type="info" showIcon title={t('afterSchool.care.lunch.notSchoolDay')} style={{ marginBottom: 12 }} />}
        <Row gutter={[16, 16]}>
          {data?.counts.map((k) => (
            <Col key={k.kitchen} xs={24} sm={12} lg={8}>
              <Card size="small" data-testid="kitchen-count">
                <Statistic title={k.kitchen} value={k.meals} suffix={t('afterSchool.care.lunch.meals', { n: '' }).trim()} />
                <div style={{ color: 'rgba(0,0,0,.45)' }}>{t('afterSchool.care.lunch.countNote', { enrolled: k.enrolled, leave: k.leave, absent: k.absent })}</div>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      <Card
        size="small"
        title={
          <Flex gap={8} align="center">
            {t('afterSchool.care.lunch.attendance')}
            {data && <Tag color={data.taken ? 'green' : 'default'}>{t(data.taken ? 'afterSchool.care.lunch.taken' : 'afterSchool.care.lunch.notTaken')}</Tag>}
          </Flex>
        }
        extra={
          canTake && (
            <Button type="primary" disabled={!data?.schoolDay || !data.children.length || date > today} loading={take.isPending} onClick={() => take.mutate(undefined)}>
              {t('afterSchool.care.lunch.allPresent')}
            </Button>
          )
        }
      >
        <Table<Row>
          rowKey="studentId"
          size="small"
          loading={day.isLoading}
          dataSource={data?.children ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('afterSchool.care.class'), dataIndex: 'className', width: 140 },
            { title: t('afterSchool.care.student'), dataIndex: 'name' },
            { title: t('afterSchool.care.kitchen'), dataIndex: 'kitchen' },
            {
              title: t('afterSchool.care.lunch.attendance'),
              key: 'mark',
              render: (_, c) => (
                <Segmented<LunchMark>
                  size="small"
                  disabled={!canTake}
                  value={markOf(c)}
                  onChange={(m) => setEdits((x) => ({ ...x, [c.studentId]: m }))}
                  options={(['present', 'leave', 'absent'] as const).map((m) => ({ value: m, label: t(`afterSchool.care.mark.${m}`) }))}
                />
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
