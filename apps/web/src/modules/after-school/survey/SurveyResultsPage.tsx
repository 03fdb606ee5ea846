/**
 * 调查结果: per school, grade or course, each question as a chart and the text answers (a page at a time). Groups under the district's
 * minimum come without any result from the server, and say so. The workbook carries the same figures.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Segmented, Select, Table, Typography } from 'antd';
import type { SurveyGroupResult } from '@shuangjian/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { type GroupBy, resultsExportUrl, useSurveyResults } from './queries';
import { QuestionResult } from './QuestionResult';

export default function SurveyResultsPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const [groupBy, setGroupBy] = useState<GroupBy>('school');
  const [groupKey, setGroupKey] = useState('all');
  const res = useSurveyResults(id, groupBy);
  const data = res.data;
  const group: SurveyGroupResult | undefined = data && (groupKey === 'all' ? data.overall : (data.groups.find((g) => g.key === groupKey) ?? data.overall));
  const average = (g: SurveyGroupResult) => {
    const i = data?.survey.questions.findIndex((q) => q.satisfaction) ?? -1;
    const a = i >= 0 ? g.questions?.[i]?.averageX100 : null;
    return a === null || a === undefined ? '—' : (a / 100).toFixed(2);
  };

  return (
    <>
      <PageHeader
        title={data?.survey.title ?? t('menu.afterSchool.surveyResults')}
        sub={data && `${data.survey.schoolName ?? t('afterSchool.survey.district')} · ${data.survey.opensOn} ~ ${data.survey.closesOn} · ${t(`afterSchool.survey.phase.${data.survey.phase}`)}`}
        extra={
          id && (
            <Button icon={<DownloadOutlined />} href={resultsExportUrl(id, groupBy)} download>
              {t('afterSchool.survey.export')}
            </Button>
          )
        }
      />
      {res.error && <QueryError error={res.error} />}
      {data && (
        <>
          <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
            <Segmented<GroupBy>
              value={groupBy}
              onChange={(v) => {
                setGroupBy(v);
                setGroupKey('all');
              }}
              options={(['school', 'grade', 'course'] as const).map((g) => ({ value: g, label: t(`afterSchool.survey.groupBy.${g}`) }))}
            />
            <Select
              style={{ minWidth: 220 }}
              aria-label={t('afterSchool.survey.group')}
              value={group?.key ?? 'all'}
              onChange={setGroupKey}
              options={[data.overall, ...data.groups].map((g) => ({ value: g.key, label: g.label }))}
            />
            <Typography.Text type="secondary">{t('afterSchool.survey.rule', { min: data.minGroup })}</Typography.Text>
          </Flex>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={9}>
              <Card size="small" title={t(`afterSchool.survey.groupBy.${groupBy}`)}>
                <Table<SurveyGroupResult>
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={data.groups}
                  onRow={(g) => ({ onClick: () => setGroupKey(g.key), style: { cursor: 'pointer' } })}
                  rowClassName={(g) => (g.key === group?.key ? 'ant-table-row-selected' : '')}
                  columns={[
                    { title: t('afterSchool.survey.group'), dataIndex: 'label' },
                    { title: t('afterSchool.survey.response'), key: 'r', render: (_, g) => `${g.answers} / ${g.recipients}` },
                    { title: t('afterSchool.survey.satisfaction'), key: 's', render: (_, g) => (g.withheld ? <Typography.Text type="secondary">—</Typography.Text> : average(g)) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={15}>
              {group && (
                <Flex vertical gap={12}>
                  <Typography.Text strong data-testid="group-answers">
                    {group.label} · {t('afterSchool.survey.answers', { answers: group.answers, recipients: group.recipients })}
                  </Typography.Text>
                  {group.withheld || !group.questions ? (
                    <Alert type="info" showIcon message={t('afterSchool.survey.withheld', { n: group.answers, min: data.minGroup })} />
                  ) : (
                    group.questions.map((r, i) => (
                      <QuestionResult key={i} n={i + 1} question={data.survey.questions[i]!} result={r} at={{ surveyId: data.survey.id, groupBy: data.groupBy, group: group.key, question: i }} />
                    ))
                  )}
                </Flex>
              )}
            </Col>
          </Row>
        </>
      )}
      {!data && !res.isLoading && !res.error && <Empty />}
    </>
  );
}
