/** 成长记录 on the parent's phone: the child's semester summary, and printing it (the browser saves it as a PDF). */
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { GrowthSummaryView } from './GrowthSummaryView';
import { useGrowthSummary } from './queries';

export default function ChildGrowthPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [picked, setPicked] = useState<string | undefined>();
  const [semesterId, setSemesterId] = useState<string | undefined>();
  const studentId = picked ?? me?.children[0]?.id;
  const summary = useGrowthSummary(studentId, semesterId);
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <div className="growth-no-print">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('menu.exams.growthChild')}
        </Typography.Title>
        {studentId && <ChildSwitcher value={studentId} onChange={setPicked} />}
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {summary.data && (
            <Select
              style={{ flex: 1, minWidth: 200 }}
              value={summary.data.semester.id}
              options={summary.data.semesters.map((s) => ({ value: s.id, label: s.name }))}
              onChange={setSemesterId}
              aria-label={t('exams.growth.semester')}
            />
          )}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!summary.data} data-testid="growth-print">
            {t('exams.growth.print')}
          </Button>
        </Flex>
      </div>
      {summary.error && <QueryError error={summary.error} />}
      {summary.isLoading && <PageSpinner />}
      {summary.data && <GrowthSummaryView summary={summary.data} />}
    </div>
  );
}
