/** One question's result in a group shown: a bar chart of options or scores (ECharts), or the text answers a page at a time. */
import { SURVEY_TEXTS_PAGE, type QuestionResult as Result, type SurveyQuestion } from '@shuangjian/contracts';
import { Card, List, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { Chart } from '../../../components/Chart';
import { type GroupBy, useSurveyTexts } from './queries';

/** Where the question sits: the survey, the grouping and group shown, and its position (from 0). */
export type TextsAt = { surveyId: string; groupBy: GroupBy; group: string; question: number };

/** The text answers: the first page from the results, the next ones from the server. */
function TextAnswers({ title, result, at }: { title: string; result: Result; at: TextsAt }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const more = useSurveyTexts(at.surveyId, at.groupBy, at.group, at.question, page, SURVEY_TEXTS_PAGE);
  const texts = page === 1 ? result.texts : (more.data?.items ?? []);
  return (
    <Card size="small" title={title} extra={t('afterSchool.survey.texts', { n: result.textsTotal })} data-testid="survey-texts">
      {result.textsTotal ? (
        <List
          size="small"
          loading={page > 1 && more.isFetching}
          dataSource={texts}
          renderItem={(x) => <List.Item>{x}</List.Item>}
          pagination={
            result.textsTotal > SURVEY_TEXTS_PAGE && { current: page, pageSize: SURVEY_TEXTS_PAGE, total: result.textsTotal, onChange: setPage, size: 'small', showSizeChanger: false, align: 'center' }
          }
        />
      ) : (
        <Typography.Text type="secondary">{t('afterSchool.survey.noTexts')}</Typography.Text>
      )}
    </Card>
  );
}

export function QuestionResult({ n, question, result, at }: { n: number; question: SurveyQuestion; result: Result; at: TextsAt }) {
  const { t } = useI18n();
  const title = `${n}. ${question.text}`;
  if (result.kind === 'text') return <TextAnswers key={`${at.groupBy}|${at.group}`} title={title} result={result} at={at} />;
  const labels = result.kind === 'rating' ? [1, 2, 3, 4, 5].map((s) => t('afterSchool.survey.score', { n: s })) : question.options;
  return (
    <Card
      size="small"
      title={title}
      extra={result.averageX100 !== null ? <Typography.Text strong>{t('afterSchool.survey.average', { v: (result.averageX100 / 100).toFixed(2) })}</Typography.Text> : null}
    >
      <Chart
        style={{ height: Math.max(160, labels.length * 36 + 40) }}
        option={{
          grid: { left: 8, right: 90, top: 8, bottom: 8, containLabel: true },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: labels, inverse: true },
          series: [
            {
              type: 'bar',
              name: t('afterSchool.survey.people'),
              data: result.counts,
              barMaxWidth: 22,
              label: { show: true, position: 'right', formatter: (p) => `${p.value as number}（${result.answered ? Math.round(((p.value as number) * 100) / result.answered) : 0}%）` },
            },
          ],
        }}
      />
    </Card>
  );
}
