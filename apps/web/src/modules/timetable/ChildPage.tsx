/** A parent's phone page: today's lessons of the child's class and the week as published (晒课表). */
import './messages';
import { Alert, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { TimetableGrid } from './Grid';
import { useFamilyTimetable } from './queries';
import { subjectColor, subjectName } from './subjects';

export default function ChildPage() {
  const { t, locale } = useI18n();
  const q = useFamilyTimetable();
  if (q.isLoading) return <PageSpinner />;
  if (q.error) return <QueryError error={q.error} />;
  const data = q.data!;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.timetable.child')}
      </Typography.Title>
      {!data.children.length && <Empty />}
      {data.children.map((c) => {
        const today = c.published?.cells.filter((x) => x.day === data.weekday).sort((a, b) => a.period - b.period) ?? [];
        return (
          <Flex key={c.studentId} vertical gap={12} data-testid="child-timetable">
            <Typography.Text strong>
              {c.studentName} · {c.schoolName} {c.className}
            </Typography.Text>
            {!c.published ? (
              <Alert type="info" showIcon title={t('timetable.noneYet')} />
            ) : (
              <>
                <Card size="small" title={t('timetable.today', { date: data.date, day: t(`timetable.day.${data.weekday}`) })}>
                  {data.schoolDay && today.length ? (
                    <List
                      size="small"
                      dataSource={today}
                      renderItem={(x) => (
                        <List.Item>
                          <Typography.Text type="secondary">{t('timetable.periodN', { n: x.period })}</Typography.Text>
                          <Tag color={subjectColor(x.subject)} style={{ marginInlineEnd: 0 }}>
                            {subjectName(x.subject, locale)}
                            {x.lab ? `·${t('timetable.lab')}` : ''}
                          </Tag>
                        </List.Item>
                      )}
                    />
                  ) : (
                    <Typography.Text type="secondary">{t('timetable.noLessonsToday')}</Typography.Text>
                  )}
                </Card>
                <Card size="small" title={t('timetable.week')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('timetable.publishedV', { v: c.published.version })}</Typography.Text>}>
                  <TimetableGrid cells={c.published.cells} days={c.daysPerWeek} periods={c.periodsPerDay} today={data.schoolDay ? data.weekday : undefined} compact />
                </Card>
              </>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}
