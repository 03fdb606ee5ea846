/** A class's week of sleep for staff: the figures, each pupil's nights, who has not reported (names as the server shows them). */
import { Drawer, Empty, List, Statistic, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { hoursMinutes, pct, ruleCite, ruleLine } from './format';
import { useSleepClassWeek } from './queries';

export function ClassWeekDrawer({ classId, week, onClose }: { classId: string | null; week: string; onClose(): void }) {
  const { t } = useI18n();
  const q = useSleepClassWeek(classId, week);
  const d = q.data;
  return (
    <Drawer open={!!classId} onClose={onClose} width="min(560px, 100vw)" title={d ? t('five.sleep.classWeek', { name: `${d.schoolName} ${d.className}` }) : ' '} data-testid="sleep-class-week">
      {q.error && <QueryError error={q.error} />}
      {d && (
        <>
          <Typography.Paragraph style={{ fontSize: 13 }}>
            {ruleLine(t, d.rule)}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ruleCite(t, d.rule)}
            </Typography.Text>
          </Typography.Paragraph>
          <div style={{ display: 'flex', gap: 16, marginBottom: 12, flexWrap: 'wrap' }}>
            <Statistic title={t('five.sleep.col.reports')} value={d.figure.reports} />
            <Statistic title={t('five.sleep.col.meets')} value={pct(d.figure.meetsBp)} valueStyle={{ color: d.figure.below ? '#cf1322' : undefined }} />
            <Statistic title={t('five.sleep.col.bedtime')} value={pct(d.figure.bedtimeBp)} />
          </div>
          {d.figure.below && <Tag color="red">{t('five.sleep.below')}</Tag>}
          <Typography.Title level={5}>{t('five.sleep.notReported', { n: d.notReported.length })}</Typography.Title>
          <Typography.Paragraph style={{ fontSize: 13 }} data-testid="sleep-not-reported">
            {d.notReported.map((p) => p.name).join('、') || '—'}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('five.sleep.pupils')}</Typography.Title>
          {!d.pupils.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('five.sleep.empty')} />}
          <List
            size="small"
            dataSource={d.pupils}
            renderItem={(p) => (
              <List.Item>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <div style={{ fontSize: 12, color: '#666' }}>
                    {t('five.sleep.pupilLine', { reports: p.reports, meets: p.meets, bedtime: p.bedtimeOk, avg: p.averageMinutes === null ? '—' : hoursMinutes(t, p.averageMinutes) })}
                    {p.homeworkLate > 0 && (
                      <Tag color="orange" style={{ marginInlineStart: 6 }}>
                        {t('five.sleep.homeworkNights', { n: p.homeworkLate })}
                      </Tag>
                    )}
                  </div>
                </div>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
