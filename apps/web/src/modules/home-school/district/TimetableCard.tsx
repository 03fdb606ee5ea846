/**
 * 课表监测 has its own district page: this card links there with its headline numbers (timetables meeting the plan,
 * open 阴阳课表 findings) from the timetable module's own query, for the same semester.
 */
import { ScheduleOutlined } from '@ant-design/icons';
import { Card, Flex, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { useTimetableDashboard } from '../../timetable/queries';

export function TimetableCard({ semesterId }: { semesterId: string | undefined }) {
  const { t } = useI18n();
  const q = useTimetableDashboard(semesterId);
  const total = q.data?.total;
  return (
    <Card
      size="small"
      data-testid="hs-timetable"
      style={{ marginBottom: 16 }}
      title={
        <span>
          <ScheduleOutlined /> {t('hs.district.timetable')}
        </span>
      }
      extra={<Link to="/timetable/district">{t('hs.district.timetableOpen')}</Link>}
    >
      <Flex gap={32} wrap align="center">
        <Typography.Text type="secondary" style={{ flex: '1 1 280px' }}>
          {t('hs.district.timetableNote')}
        </Typography.Text>
        {total && (
          <>
            <Statistic title={t('hs.district.timetableCompliant')} value={total.compliant} suffix={`/ ${total.withTimetable}`} />
            <Statistic title={t('hs.district.timetableFindings')} value={total.findingsOpen} styles={{ content: { color: total.findingsOpen ? '#cf1322' : undefined } }} />
          </>
        )}
      </Flex>
    </Card>
  );
}
