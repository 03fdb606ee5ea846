/** Exam rule findings as alerts: each finding's sentence, and beneath it the rule in words with the setting and policy version it cites. */
import type { ExamRuleCitation, ExamRuleFinding } from '@shuangjian/contracts';
import { Alert, Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

/** "考试管理设置（exams.limits） 第 2 版（2026-09-01 起施行）", "… 默认值（第 0 版）", "国家规定". */
export function useExamCitationVersion(): (c: ExamRuleCitation) => string {
  const { t } = useI18n();
  return (c) => {
    if (c.key === 'national') return t('exams.filings.national');
    const key = t(`exams.filings.key.${c.key}`);
    return c.version > 0 && c.effectiveFrom ? t('exams.filings.version', { key, v: c.version, from: c.effectiveFrom }) : t('exams.filings.versionDefault', { key });
  };
}

export function ExamCitation({ citation }: { citation: ExamRuleCitation }) {
  const { t } = useI18n();
  const version = useExamCitationVersion();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="exam-citation">
      {t('exams.filings.citation', { text: citation.text })} · {version(citation)}
    </Typography.Text>
  );
}

export function ExamFindings({ findings, compact = false }: { findings: readonly ExamRuleFinding[]; compact?: boolean }) {
  return (
    <Flex vertical gap={compact ? 4 : 8} data-testid="exam-findings">
      {findings.map((f, i) => (
        <Alert
          key={`${f.rule}-${i}`}
          type="error"
          showIcon={!compact}
          data-testid={`exam-finding-${f.rule}`}
          title={f.message}
          description={<ExamCitation citation={f.citation} />}
          style={compact ? { padding: '4px 8px' } : undefined}
        />
      ))}
    </Flex>
  );
}
