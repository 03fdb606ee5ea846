/** 巡视与月度考核: the school's patrols of a day and the month's assessment of its courses. */
import { DatePicker, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { hasRole, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { AssessmentTab } from './quality/AssessmentTab';
import { PatrolsTab } from './quality/PatrolsTab';
import { useAssessments } from './queries';

export default function QualityPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const zone = useTimeZone();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const [month, setMonth] = useState(today.slice(0, 7));
  const assessments = useAssessments(month);

  return (
    <div>
      <PageHeader
        title={t('menu.afterSchool.quality')}
        extra={
          <DatePicker
            picker="month"
            inputReadOnly
            allowClear={false}
            value={dayjs(`${month}-01`)}
            disabledDate={(v) => v.format('YYYY-MM') > today.slice(0, 7)}
            onChange={(v) => v && setMonth(v.format('YYYY-MM'))}
          />
        }
      />
      {assessments.error && <QueryError error={assessments.error} />}
      {assessments.isLoading && <PageSpinner />}
      {assessments.data && (
        <Tabs
          items={[
            { key: 'patrols', label: t('afterSchool.daily.patrols'), children: <PatrolsTab today={today} courses={assessments.data.courses} /> },
            { key: 'assess', label: t('afterSchool.daily.assess'), children: <AssessmentTab data={assessments.data} canAssess={hasRole(me, 'school_admin')} /> },
          ]}
        />
      )}
    </div>
  );
}
