/** 检查与年检: the district's (or a zone's) figures, findings and rectifications, plans, and the 年检 table. */
import { Col, Row, Tabs } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { Figure } from '../../../components/Figure';
import { PageHeader } from '../../../components/PageHeader';
import { AnnualTab } from './district/AnnualTab';
import { FindingsTab } from './district/FindingsTab';
import { PlansTab } from './district/PlansTab';
import { useOverview } from './queries';

export default function InspectionsPage() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear - 1);
  const overview = useOverview(year);
  const o = overview.data;
  const figures = [
    { key: 'plans', title: t('training.insp.overview.plans'), value: o ? Object.values(o.plans).reduce((a, b) => a + b, 0) : 0 },
    { key: 'visits', title: t('training.insp.overview.visits'), value: o?.visits ?? 0 },
    { key: 'open', title: t('training.insp.overview.open'), value: o?.findings.open ?? 0 },
    { key: 'responded', title: t('training.insp.overview.responded'), value: o?.findings.responded ?? 0 },
    { key: 'closed', title: t('training.insp.overview.closed'), value: o?.findings.closed ?? 0 },
    { key: 'overdue', title: t('training.insp.overview.overdue'), value: o?.overdue ?? 0, color: o?.overdue ? '#cf1322' : undefined },
  ];
  return (
    <div>
      <PageHeader title={t('menu.training.inspections')} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} sm={8} lg={4}>
            <Figure title={f.title} value={f.value} color={f.color} loading={overview.isLoading} testId={`insp-kpi-${f.key}`} />
          </Col>
        ))}
      </Row>
      <Tabs
        items={[
          { key: 'findings', label: t('training.insp.tab.findings'), children: <FindingsTab /> },
          { key: 'plans', label: t('training.insp.tab.plans'), children: <PlansTab /> },
          { key: 'annual', label: t('training.insp.tab.annual'), children: <AnnualTab year={year} years={[thisYear, thisYear - 1, thisYear - 2]} onYear={setYear} /> },
        ]}
      />
    </div>
  );
}
