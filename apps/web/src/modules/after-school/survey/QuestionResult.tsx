/** One question's result in a group shown: a bar chart of options or scores (ECharts), or the text answers. */
import type { QuestionResult as Result, SurveyQuestion } from '@shuangjian/contracts';
import { Card, List, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { Chart } from '../../../components/Chart';

export function QuestionResult({ n, question, result }: { n: number; question: SurveyQuestion; result: Result }) {
  const { t } = useI18n();
  const title = `${n}. ${question.text}`;
  if (result.kind === 'text')
    return (
      <Card size="small" title={title} extra={t('afterSchool.survey.texts', { n: result.texts.length })}>
        {result.texts.length ? (
          <List size="small" dataSource={result.texts} renderItem={(x) => <List.Item>{x}</List.Item>} style={{ maxHeight: 240, overflow: 'auto' }} />
        ) : (
          <Typography.Text type="secondary">{t('afterSchool.survey.noTexts')}</Typography.Text>
        )}
      </Card>
    );
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
