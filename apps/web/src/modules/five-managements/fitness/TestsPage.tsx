/** 体质健康测试: the school imports a semester's results; the school and the district see pass rates and levels per grade. */
import type { FitnessTestSummary } from '@shuangjian/contracts';
import { Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useFitnessSummary } from './queries';
import { passRate, pct } from './tests/levels';
import { SchoolResults } from './tests/SchoolResults';
import { TestsImport } from './tests/TestsImport';

type School = FitnessTestSummary['schools'][number];

export default function TestsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [semesterId, setSemesterId] = useState<string | undefined>();
  const [picked, setPicked] = useState<string | undefined>();
  const summary = useFitnessSummary(semesterId);
  const data = summary.data;
  const schools = data?.schools ?? [];
  const school = schools.find((s) => s.schoolId === picked) ?? schools[0];
  const files = !!me && can(me, 'five-managements.school');

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.five.fitnessTests')}
        </Typography.Title>
        {data && (
          <Select
            style={{ width: 220 }}
            aria-label={t('five.fitness.semester')}
            value={data.semester?.id}
            onChange={setSemesterId}
            options={data.semesters.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
      </Flex>
      <Typography.Text type="secondary">{t('five.fitness.testsSub')}</Typography.Text>
      {summary.error && <QueryError error={summary.error} />}
      {summary.isLoading && <PageSpinner />}
      {files && school && <TestsImport schoolId={school.schoolId} semesterId={data?.semester?.id} />}
      {schools.length > 1 && (
        <Card size="small">
          <Table<School>
            rowKey="schoolId"
            size="small"
            pagination={false}
            dataSource={schools}
            scroll={{ x: 520 }}
            onRow={(s) => ({ onClick: () => setPicked(s.schoolId), style: { cursor: 'pointer' } })}
            rowClassName={(s) => (s.schoolId === school?.schoolId ? 'ant-table-row-selected' : '')}
            data-testid="fitness-schools-table"
            columns={[
              { title: t('five.fitness.school'), dataIndex: 'schoolName' },
              { title: t('five.fitness.tested'), dataIndex: 'tested', align: 'right' },
              { title: t('five.fitness.passRate'), key: 'pass', align: 'right', render: (_, s) => <Tag>{pct(passRate(s.levels))}</Tag> },
              { title: t('five.fitness.level.excellent'), key: 'ex', align: 'right', render: (_, s) => pct(s.tested ? s.levels.excellent / s.tested : null) },
            ]}
          />
        </Card>
      )}
      {school && (
        <>
          <Typography.Text strong>
            {school.schoolName} · {t('five.fitness.tested')} {school.tested} · {t('five.fitness.passRate')} {pct(passRate(school.levels))}
          </Typography.Text>
          {school.grades.length ? <SchoolResults school={school} /> : <Empty description={t('five.fitness.noResults')} />}
        </>
      )}
    </Flex>
  );
}
