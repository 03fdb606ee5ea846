/**
 * Rule findings as a list of alerts: each finding's sentence, and beneath it the rule it cites in words with the
 * district policy version (the registry's course and package forms, the timetable page, the violations page).
 */
import type { TrainingRuleCitation, TrainingRuleFinding } from '@shuangjian/contracts';
import { Alert, Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

/** "收费上限 第 2 版（2026-09-01 起施行）", "培训时间 默认值", "国家规定". */
export function useCitationVersion(): (c: TrainingRuleCitation) => string {
  const { t } = useI18n();
  return (c) => {
    if (c.key === 'national') return t('training.rules.national');
    const key = t(`training.rules.key.${c.key}`);
    return c.version > 0 && c.effectiveFrom
      ? t('training.rules.version', { key, v: c.version, from: c.effectiveFrom })
      : t('training.rules.versionDefault', { key });
  };
}

/** The citation in one line: the rule's text and the policy version. */
export function CitationText({ citation }: { citation: TrainingRuleCitation }) {
  const { t } = useI18n();
  const version = useCitationVersion();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="rule-citation">
      {t('training.rules.citation', { text: citation.text })} · {version(citation)}
    </Typography.Text>
  );
}

export interface RuleFindingsProps {
  findings: readonly TrainingRuleFinding[];
  /** Show a green "meets every rule" when there is nothing to say (default false: render nothing). */
  showOk?: boolean;
  /** Smaller alerts, for inline use under a form. */
  compact?: boolean;
}

export function RuleFindings({ findings, showOk = false, compact = false }: RuleFindingsProps) {
  const { t } = useI18n();
  if (findings.length === 0) {
    return showOk ? <Alert type="success" showIcon title={t('training.rules.ok')} data-testid="rule-findings-ok" /> : null;
  }
  const errors = findings.filter((f) => f.severity === 'error');
  const ordered = [...errors, ...findings.filter((f) => f.severity !== 'error')];
  return (
    <Flex vertical gap={compact ? 4 : 8} data-testid="rule-findings">
      {errors.length > 0 && !compact && <Typography.Text strong>{t('training.rules.errors', { n: errors.length })}</Typography.Text>}
      {ordered.map((f, i) => (
        <Alert
          key={`${f.rule}-${i}`}
          type={f.severity === 'error' ? 'error' : 'warning'}
          showIcon
          data-testid={`rule-finding-${f.rule}`}
          title={f.message}
          description={<CitationText citation={f.citation} />}
          style={compact ? { padding: '4px 12px' } : undefined}
        />
      ))}
    </Flex>
  );
}
