/** The training rules in force in the district today, in words, each with the policy version it comes from. */
import type { TrainingRuleTexts } from '@shuangjian/contracts';
import { trainingRuleLabels } from '@shuangjian/contracts';
import { Table } from 'antd';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useCitationVersion } from '../components/RuleFindings';
import { useRuleTexts } from './queries';

type Row = TrainingRuleTexts['rules'][number];

export default function RulesPage() {
  const { t, locale } = useI18n();
  const q = useRuleTexts();
  const version = useCitationVersion();
  return (
    <div data-testid="rules-page">
      <PageHeader title={t('training.rules.page.title')} sub={q.data ? t('training.rules.page.sub', { on: q.data.on }) : undefined} />
      <QueryError error={q.error} />
      <Table<Row>
        rowKey="rule"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.rules}
        pagination={false}
        scroll={{ x: 700 }}
        columns={[
          { title: t('training.rules.page.rule'), dataIndex: 'rule', width: 150, render: (r: Row['rule']) => trainingRuleLabels[r][locale] },
          { title: t('training.rules.page.text'), key: 'text', render: (_, r) => r.citation.text },
          { title: t('training.rules.page.version'), key: 'version', width: 220, render: (_, r) => version(r.citation) },
        ]}
      />
    </div>
  );
}
