/** The plan's rule check, live: the district's requirement, the days served, and each finding with the rule it cites. */
import type { Course, PlanCheckResult, PlanContext, ServicePlan } from '@shuangjian/contracts';
import { checkCatalogue, checkServicePlan, weekdayName } from '@shuangjian/policy';
import { Alert, Card, List, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import './messages';

/** The check the server runs at submit, run here on the form's values. */
export function livePlanCheck(body: Pick<ServicePlan, 'weekdays' | 'periods'>, context: PlanContext, courses: readonly Course[]): PlanCheckResult {
  const result = checkServicePlan(body, context.days, context.setting, context.policyVersion);
  const findings = [...result.findings, ...checkCatalogue(courses.filter((c) => c.status === 'open'), body, context.policyVersion)];
  return { ...result, findings, ok: findings.length === 0 };
}

export function CheckPanel({ check }: { check: PlanCheckResult }) {
  const { t } = useI18n();
  const s = check.setting;
  return (
    <Card size="small" title={t('afterSchool.plan.check')} data-testid="plan-check">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('afterSchool.plan.requirement', {
          weekdays: s.weekdays.map(weekdayName).join('、'),
          minutes: s.minMinutesPerDay,
          end: s.endNotBefore,
          homework: s.homeworkFirst ? t('afterSchool.plan.requirementHomework') : '',
        })}
        <br />
        {t('afterSchool.plan.days', { required: check.requiredDays, served: check.servedDays })}
        <br />
        {t('afterSchool.plan.policyVersion', { v: check.policyVersion ?? t('afterSchool.plan.policyDefault') })}
      </Typography.Paragraph>
      {check.ok ? (
        <Alert type="success" showIcon message={t('afterSchool.plan.checkOk', { minutes: check.minutesPerDay, end: check.endTime ?? '' })} />
      ) : (
        <Alert
          type="error"
          showIcon
          message={t('afterSchool.plan.checkBad', { n: check.findings.length })}
          description={
            <List
              size="small"
              dataSource={check.findings}
              renderItem={(f) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <span>
                    {f.message}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                      {f.rule}
                    </Typography.Text>
                  </span>
                </List.Item>
              )}
            />
          }
        />
      )}
    </Card>
  );
}
