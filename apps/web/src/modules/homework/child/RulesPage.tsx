/**
 * 作业规则 (parents, phone first): the district's homework rules in force today for the child's grade — how much written
 * homework a day, bedtime, what teachers never ask of parents, how to report (作业制度面向教师、学生、家长公示).
 */
import { ClockCircleOutlined, FormOutlined, ReadOutlined, StopOutlined } from '@ant-design/icons';
import { gradeNames } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { childRulesKey, type ChildRulesRow, fetchChildRules } from '../components/family';
import { ChildSwitcher } from './ChildSwitcher';
import { useChild } from './useChild';

const KINDS = ['school_day', 'weekend', 'holiday', 'vacation'] as const;

function Section({ icon, title, children, testId }: { icon: ReactNode; title: string; children: ReactNode; testId: string }) {
  return (
    <Card size="small" data-testid={testId} styles={{ body: { padding: 14 } }}>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <span style={{ color: '#1677ff', fontSize: 18 }}>{icon}</span>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {title}
        </Typography.Text>
      </Flex>
      {children}
    </Card>
  );
}

function Rules({ rules }: { rules: ChildRulesRow }) {
  const { t, locale } = useI18n();
  const grade = locale === 'en' ? `grade ${rules.grade}` : (gradeNames[rules.grade] ?? `${rules.grade} 年级`);
  const examples = [...(rules.forbidden ?? [])].slice(0, 6).join('、');
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary" data-testid="rules-intro">
        {rules.changedOn
          ? t('hwf.rules.intro', { school: rules.schoolName, grade, date: rules.changedOn })
          : t('hwf.rules.introDefault', { school: rules.schoolName, grade })}
      </Typography.Text>
      <Section icon={<ReadOutlined />} title={t('hwf.rules.limits')} testId="rules-limits">
        {rules.noWrittenAtHome ? (
          <Typography.Text strong>{t('hwf.rules.noWritten')}</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            {KINDS.map((k) => (
              <Flex key={k} justify="space-between" style={{ fontSize: 15 }}>
                <Typography.Text>{t(`hwf.rules.kind.${k}`)}</Typography.Text>
                <Typography.Text strong>{rules.limits[k] > 0 ? t('hwf.rules.limit', { n: rules.limits[k] }) : t('hwf.rules.none')}</Typography.Text>
              </Flex>
            ))}
          </Flex>
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
          {t('hwf.rules.notCounted')}
          {rules.nonWrittenCap !== null && ' ' + t('hwf.rules.nonWrittenCap', { n: rules.nonWrittenCap })}
        </Typography.Paragraph>
      </Section>
      <Section icon={<ClockCircleOutlined />} title={`${t('hwf.rules.bedtime')} ${rules.bedtime}`} testId="rules-bedtime">
        <Typography.Paragraph style={{ margin: 0, fontSize: 15 }}>{t('hwf.rules.bedtimeText', { bedtime: rules.bedtime })}</Typography.Paragraph>
      </Section>
      <Section icon={<StopOutlined />} title={t('hwf.rules.forbidden')} testId="rules-forbidden">
        <Typography.Paragraph style={{ margin: 0, fontSize: 15 }}>{t('hwf.rules.forbiddenText')}</Typography.Paragraph>
        {examples && (
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
            {t('hwf.rules.forbiddenExamples', { examples })}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
          {t('hwf.rules.forbiddenReport')}
        </Typography.Paragraph>
      </Section>
      <Section icon={<FormOutlined />} title={t('hwf.rules.report')} testId="rules-report">
        <ol style={{ margin: 0, paddingInlineStart: 20, fontSize: 15, lineHeight: 1.7 }}>
          {[1, 2, 3, 4].map((n) => (
            <li key={n}>{t(`hwf.rules.report.${n}`)}</li>
          ))}
        </ol>
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
          {t('hwf.rules.target', { p: Math.round(rules.completionTarget * 100) })}
        </Typography.Paragraph>
      </Section>
    </Flex>
  );
}

export default function RulesPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const { child, choose } = useChild();
  const rules = useQuery({ queryKey: childRulesKey(child?.id ?? ''), queryFn: () => fetchChildRules(child!.id), enabled: !!child });
  if (!me) return null;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="rules-page">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 8 }}>
        {t('hwf.rules.title')}
      </Typography.Title>
      {!child ? (
        <Empty description={t('hwv.child.noChildren')} />
      ) : (
        <>
          <ChildSwitcher value={child.id} onChange={choose} />
          {rules.isLoading && <PageSpinner />}
          {rules.error && <Alert type="error" showIcon title={rules.error.message} />}
          {rules.data && <Rules rules={rules.data} />}
        </>
      )}
    </div>
  );
}
