/** 天天清: one class's vacation day — the published list, who handed in (first those who did), and the teachers' feedback. */
import { CommentOutlined, StarFilled } from '@ant-design/icons';
import { addDays } from '@shuangjian/policy';
import { Alert, Button, Card, Empty, Flex, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { formatDay } from '../components/model';
import { Stepper } from '../components/Stepper';
import { HandInFiles } from './HandInCard';
import { type HandInRow, useVacationDay, type VacationDayRow } from './queries';
import { ReviewDialog } from './ReviewDialog';

type Student = VacationDayRow['students'][number];

export function ClassDayTab({ classId, date, onDate }: { classId: string | undefined; date: string; onDate(d: string): void }) {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const day = useVacationDay(classId, date);
  const [reviewing, setReviewing] = useState<HandInRow | null>(null);
  const d = day.data;
  const students = (d?.students ?? []).filter((s) => s.handIn);
  const missing = (d?.students ?? []).filter((s) => !s.handIn);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card styles={{ body: { padding: 12 } }}>
        <Stepper
          label={formatDay(date, locale, true)}
          sub={d && d.dayKind !== 'vacation' ? <Tag>{t(`hw.dayKind.${d.dayKind}`)}</Tag> : null}
          onPrev={() => onDate(addDays(date, -1))}
          onNext={() => onDate(addDays(date, 1))}
          prevLabel={t('hwv.prevDay')}
          nextLabel={t('hwv.nextDay')}
        />
      </Card>
      {day.error && <Alert type="error" showIcon title={day.error.message} />}
      {d && !d.items && <Alert type="info" showIcon title={d.dayKind === 'vacation' ? t('hwm.vacation.noList') : t('hwm.vacation.notVacation')} />}
      {d?.items && (
        <Card size="small" title={t('hwm.vacation.list', { n: d.items.length })}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {d.items.map((i) => (
              <li key={i.itemId}>
                <Typography.Text strong>{i.subjectName}</Typography.Text> {i.title ?? i.content}{' '}
                <Typography.Text type="secondary">{t('hwv.minutes', { n: i.minutes })}</Typography.Text>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {d && (d.items || d.handedIn > 0) && (
        <Card
          size="small"
          title={
            <Flex align="center" gap={12} wrap>
              <span data-testid="vacation-handed-in">{t('hwm.vacation.handedInOf', { n: d.handedIn, total: d.students.length })}</span>
              <Progress percent={d.students.length ? Math.round((d.handedIn / d.students.length) * 100) : 0} size="small" style={{ width: 160, margin: 0 }} />
            </Flex>
          }
        >
          {missing.length > 0 && (
            <div style={{ marginBottom: students.length ? 12 : 0 }} data-testid="vacation-missing">
              <Typography.Text type="secondary">{t('hwm.vacation.missing', { n: missing.length })}</Typography.Text>
              <Flex gap={4} wrap style={{ marginTop: 4 }}>
                {missing.map((s) => (
                  <Tag key={s.studentId} style={{ marginInlineEnd: 0 }}>
                    {s.studentNo.slice(-2)} {s.name}
                  </Tag>
                ))}
              </Flex>
            </div>
          )}
          {students.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hwm.vacation.noneYet')} />
          ) : (
            <Table<Student>
              rowKey="studentId"
              size="small"
              pagination={false}
              dataSource={students}
              onRow={() => ({ 'data-testid': 'vacation-student-in' }) as object}
              columns={[
                { title: t('hwm.col.studentNo'), dataIndex: 'studentNo', width: 70, render: (no: string) => no.slice(-2) },
                { title: t('hwm.col.student'), dataIndex: 'name', width: 90 },
                {
                  title: t('hwm.col.handIn'),
                  key: 'handIn',
                  render: (_, s) =>
                    s.handIn && (
                      <div>
                        <Typography.Text type="success">
                          {s.handIn.files.length ? t('hwm.vacation.handedInFiles', { n: s.handIn.files.length }) : t('hwm.vacation.handedInDone')}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {' '}
                          · {formatDateTime(s.handIn.handedInAt, tz)}
                        </Typography.Text>
                        {s.handIn.note && <div style={{ fontSize: 13 }}>{s.handIn.note}</div>}
                        <HandInFiles files={s.handIn.files} />
                      </div>
                    ),
                },
                {
                  title: t('hwm.col.feedback'),
                  key: 'feedback',
                  width: 260,
                  render: (_, s) => (
                    <Space orientation="vertical" size={2}>
                      {s.handIn?.reviews.map((r) => (
                        <Typography.Text key={r.teacherId} style={{ fontSize: 13 }}>
                          {r.excellent && <StarFilled style={{ color: '#d48806' }} />} {r.teacherName}
                          {r.comment ? `：${r.comment}` : ''}
                        </Typography.Text>
                      ))}
                      {s.handIn && d.canReview && (
                        <Button size="small" icon={<CommentOutlined />} onClick={() => setReviewing(s.handIn)} data-testid="review-open">
                          {t('hwm.vacation.review')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </Card>
      )}
      {reviewing && <ReviewDialog handIn={reviewing} onClose={() => setReviewing(null)} />}
    </Space>
  );
}
