/** 课后服务点名 on the teacher's phone: today's courses, "全部到" then the exceptions, save; then the pick-up sign-out. */
import type { DayCourse } from '@shuangjian/contracts';
import { DatePicker, Empty, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { CancelDialog } from './day/CancelDialog';
import { CourseCard } from './day/CourseCard';
import { PickupPanel } from './day/PickupPanel';
import { useTeacherDay } from './queries';

export default function TeacherDayPage() {
  const { t } = useI18n();
  const [picked, setPicked] = useState<string | undefined>();
  const day = useTeacherDay(picked);
  const [cancelling, setCancelling] = useState<DayCourse | null>(null);
  const date = day.data?.date;

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.afterSchool.daily')}
        </Typography.Title>
        {date && (
          <DatePicker
            inputReadOnly
            allowClear={false}
            value={dayjs(date)}
            disabledDate={(v) => !!day.data && v.format('YYYY-MM-DD') > day.data.today}
            onChange={(v) => v && setPicked(v.format('YYYY-MM-DD'))}
            style={{ width: 140 }}
            data-testid="day-picker"
          />
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 12px' }}>
        {t('afterSchool.daily.sub')}
      </Typography.Paragraph>
      {day.error && <QueryError error={day.error} />}
      {day.isLoading && <PageSpinner />}
      {day.data && !day.data.courses.length && <Empty description={t('afterSchool.daily.none')} />}
      <Flex vertical gap={12}>
        {date &&
          day.data?.courses.map((c) => <CourseCard key={`${c.courseId}-${date}`} course={c} date={date} onCancel={() => setCancelling(c)} />)}
        {date && !!day.data?.courses.some((c) => c.session?.status === 'held') && <PickupPanel date={date} />}
      </Flex>
      {date && <CancelDialog course={cancelling} date={date} onClose={() => setCancelling(null)} />}
    </div>
  );
}
