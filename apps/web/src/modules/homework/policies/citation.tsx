/**
 * Which district rule a refusal applied, in words: "依据：作业时长上限（2026-12-07 起施行的版本，调整原因：…）", from the
 * versions the server's check cites (the shipped default when none is cited for the setting).
 */
import type { PolicyCitation } from '@shuangjian/contracts';
import { Flex, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import './schema-editor/messages';

/** The settings behind each rule a homework check reports. */
const RULE_SETTINGS: Record<string, string[]> = {
  'homework.dayLimits': ['homework.dayLimits'],
  'homework.noWrittenAtHome': ['homework.noWrittenGrades'],
  'homework.forbiddenContent': ['homework.forbiddenPhrases', 'homework.forbiddenPatterns'],
  'homework.nonWrittenCap': ['homework.nonWrittenCaps'],
};

export function RuleCitations({ rules, cited, testId }: { rules: string[]; cited: PolicyCitation[] | undefined; testId?: string }) {
  const { t } = useI18n();
  const keys = [...new Set(rules.flatMap((r) => RULE_SETTINGS[r] ?? []))];
  if (!keys.length) return null;
  return (
    <Flex vertical gap={0} data-testid={testId}>
      {keys.map((key) => {
        const version = cited?.find((c) => c.key === key);
        const which = version ? t('pse.cite.since', { date: version.effectiveFrom }) + (version.reason ? t('pse.cite.reason', { reason: version.reason }) : '') : t('pse.cite.default');
        return (
          <Typography.Text key={key} type="secondary" style={{ fontSize: 12 }}>
            {t('pse.cite.by', { rule: t(`pse.rule.${key}`), version: which })}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}
