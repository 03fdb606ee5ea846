/**
 * 课表监测 for the district (and a school's own row for its 教务处): classes with a published timetable, timetables
 * meeting the plan, the periods short per subject (which subjects are squeezed), 巡课 and 阴阳课表 findings; Excel.
 */
import './messages';
import { DownloadOutlined } from '@ant-design/icons';
import type { TimetableSchoolFigures } from '@shuangjian/contracts';
import { Button, Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { Chart, type ChartOption } from '../../components/Chart';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { exportUrl, useTimetableDashboard } from './queries';
import { subjectName } from './subjects';

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 1000) / 10}%` : '—');

export default function DistrictPage() {
  const { t, locale } = useI18n();
  const [semesterId, setSemesterId] = useState<string | undefined>();
  const q = useTimetableDashboard(semesterId);
  const data = q.data;
  const label = (k: string) => (k === 'lab' ? t('timetable.labShort') : subjectName(k, locale));
  const shortKeys = data ? Object.keys(data.total.shortfalls).sort((a, b) => data.total.shortfalls[b]! - data.total.shortfalls[a]!) : [];
  const shortChart: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: shortKeys.map(label) },
    yAxis: { type: 'value', minInterval: 1, name: t('timetable.periodsShort') },
    series: [{ type: 'bar', barMaxWidth: 48, data: shortKeys.map((k) => data?.total.shortfalls[k] ?? 0), itemStyle: { color: '#ff4d4f' } }],
  };
  const schoolChart: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: data?.schools.map((s) => s.schoolName) ?? [], axisLabel: { interval: 0, fontSize: 11, rotate: 15 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('timetable.publishedRate'), type: 'bar', data: data?.schools.map((s) => (s.classes ? Math.round((s.published / s.classes) * 100) : 0)) ?? [], itemStyle: { color: '#1677ff' } },
      { name: t('timetable.compliantRate'), type: 'bar', data: data?.schools.map((s) => (s.withTimetable ? Math.round((s.compliant / s.withTimetable) * 100) : 0)) ?? [], itemStyle: { color: '#52c41a' } },
    ],
  };
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.timetable.district')}
        </Typography.Title>
        <Flex gap={8}>
          {data && <Select style={{ width: 220 }} aria-label={t('timetable.semester')} value={data.semester.id} onChange={setSemesterId} options={data.semesters.map((s) => ({ value: s.id, label: s.name }))} />}
          <Button icon={<DownloadOutlined />} href={exportUrl(data?.semester.id)} download data-testid="timetable-export">
            {t('timetable.export')}
          </Button>
        </Flex>
      </Flex>
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {data && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('timetable.publishedRate')} value={pct(data.total.published, data.total.classes)} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${data.total.published}/${data.total.classes}`}</Typography.Text>} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('timetable.compliantRate')} value={pct(data.total.compliant, data.total.withTimetable)} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${data.total.compliant}/${data.total.withTimetable}`}</Typography.Text>} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('timetable.patrols')} value={data.total.patrols} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('timetable.conformingN', { n: data.total.patrolsConforming })}</Typography.Text>} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small" data-testid="yinyang-open">
                <Statistic title={t('timetable.findingsOpen')} value={data.total.findingsOpen} valueStyle={{ color: data.total.findingsOpen ? '#cf1322' : undefined }} suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('timetable.closedN', { n: data.total.findingsClosed })}</Typography.Text>} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('timetable.rates')}>
                <Chart option={schoolChart} style={{ height: 280 }} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('timetable.squeezed')}>
                {shortKeys.length ? <Chart option={shortChart} style={{ height: 280 }} /> : <Typography.Text type="secondary">{t('timetable.noShortfall')}</Typography.Text>}
              </Card>
            </Col>
          </Row>
          <Card size="small">
            <Table<TimetableSchoolFigures>
              size="small"
              rowKey="schoolId"
              pagination={false}
              dataSource={data.schools}
              scroll={{ x: 800 }}
              data-testid="timetable-schools"
              columns={[
                { title: t('timetable.zone'), dataIndex: 'zoneName' },
                { title: t('timetable.school'), dataIndex: 'schoolName' },
                { title: t('timetable.publishedRate'), key: 'pub', align: 'right', render: (_, s) => `${s.published}/${s.classes}` },
                { title: t('timetable.compliantRate'), key: 'ok', align: 'right', render: (_, s) => `${s.compliant}/${s.withTimetable}` },
                {
                  title: t('timetable.squeezed'),
                  key: 'short',
                  render: (_, s) =>
                    Object.entries(s.shortfalls).map(([k, n]) => (
                      <Tag key={k} color="red">
                        {label(k)} −{n}
                      </Tag>
                    )),
                },
                { title: t('timetable.patrols'), key: 'pt', align: 'right', render: (_, s) => `${s.patrolsConforming}/${s.patrols}` },
                { title: t('timetable.findingsOpen'), dataIndex: 'findingsOpen', align: 'right', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
                { title: t('timetable.findingsClosed'), dataIndex: 'findingsClosed', align: 'right' },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
