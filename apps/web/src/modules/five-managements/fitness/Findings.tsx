/** The rules a day (or a week's PE) was checked against: each missed rule in words, with the setting and version cited. */
import type { FitnessFinding, FitnessRuleView } from '@shuangjian/contracts';
import { Alert, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

export function useVersionText() {
  const { t } = useI18n();
  return (v: Pick<FitnessRuleView, 'version' | 'effectiveFrom'>) =>
    v.version ? t('five.fitness.version', { n: v.version, from: v.effectiveFrom ?? '' }) : t('five.fitness.versionDefault');
}

export function Findings({ findings, rule, testId }: { findings: FitnessFinding[]; rule: FitnessRuleView; testId?: string }) {
  const { t } = useI18n();
  const versionText = useVersionText();
  const misses = findings.filter((f) => !f.ok);
  if (!misses.length) return <Alert type="success" showIcon title={t('five.fitness.allMet')} data-testid={testId} />;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      title={t('five.fitness.misses')}
      description={
        <>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {misses.map((m) => (
              <li key={m.item} data-testid={`fitness-miss-${m.item}`}>
                {t(`five.fitness.item.${m.item}`)}：{m.rule}（{t('five.fitness.actual', { n: m.actual })}）
              </li>
            ))}
          </ul>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('five.fitness.cite', { key: misses[0]!.key, version: versionText(rule) })}
          </Typography.Text>
        </>
      }
    />
  );
}
