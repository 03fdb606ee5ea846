/** Public, no sign-in (晒课表): a school's published class timetables, for parents and the public on a phone. */
import './messages';
import { Alert, Card, Empty, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { PageSpinner } from '../../components/PageSpinner';
import { TimetableGrid } from './Grid';
import { usePublicTimetable } from './queries';

export default function PublicPage() {
  const { t } = useI18n();
  const { schoolId } = useParams();
  const q = usePublicTimetable(schoolId);
  const [classId, setClassId] = useState<string | undefined>();
  if (q.isLoading) return <PageSpinner />;
  const d = q.data;
  const cls = d?.classes.find((c) => c.classId === classId) ?? d?.classes[0];
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: '16px 12px 32px' }}>
      {q.error && <Alert type="error" showIcon title={q.error.message} />}
      {d && (
        <Flex vertical gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('timetable.public.title', { school: d.schoolName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {d.semester?.name ?? ''} · {t('timetable.public.sub')}
          </Typography.Text>
          {!d.classes.length && <Empty description={t('timetable.public.none')} />}
          {cls && (
            <>
              <Select aria-label={t('timetable.class')} value={cls.classId} onChange={setClassId} options={d.classes.map((c) => ({ value: c.classId, label: c.className }))} showSearch optionFilterProp="label" data-testid="public-class" />
              <Card size="small" title={cls.className} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('timetable.publishedAt', { v: cls.version, at: new Date(cls.publishedAt).toLocaleDateString() })}</Typography.Text>}>
                <TimetableGrid cells={cls.cells} days={d.daysPerWeek} periods={cls.periodsPerDay} compact />
              </Card>
            </>
          )}
        </Flex>
      )}
    </div>
  );
}
