/** This week against the weekly visit rule, the semester's home visits of my classes, and the rule cited as the API gives it. */
import type { TeacherProgress, VisitRule } from '@shuangjian/contracts';
import { Alert, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

type T = ReturnType<typeof useI18n>['t'];

/** "（入户或电话）": the modes that count towards the weekly rule. */
export const weeklyModes = (t: T, rule: VisitRule) => t('hs.visits.modesOr', { modes: rule.weeklyModes.map((m) => t(`hs.visits.mode.${m}`)).join(t('hs.visits.or')) });

export function RuleCitation({ rule }: { rule: VisitRule }) {
  const { t } = useI18n();
  return (
    <div style={{ fontSize: 12, color: '#888' }} data-testid="visits-rule">
      <div>{t('hs.visits.ruleLine', { weekly: rule.weeklyMin, home: rule.semesterHomeMin, special: rule.specialMin })}</div>
      <div>{t('hs.visits.cite', { rule: rule.rule, version: rule.policyVersions ?? t('hs.visits.default') })}</div>
    </div>
  );
}

export function WeekStatus({ progress: p }: { progress: TeacherProgress }) {
  const { t } = useI18n();
  const left = Math.max(0, p.rule.weeklyMin - p.weekVisits);
  return (
    <Alert
      type={p.weekDone ? 'success' : 'warning'}
      showIcon
      data-testid="visits-week"
      data-done={p.weekDone}
      title={p.weekDone ? t('hs.visits.weekDone', { n: p.weekVisits, modes: weeklyModes(t, p.rule) }) : t('hs.visits.weekMissing', { min: p.rule.weeklyMin, modes: weeklyModes(t, p.rule) })}
      description={
        <>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('hs.visits.week', { start: p.weekStart })}
            {!p.weekDone && p.weekVisits > 0 && ` · ${t('hs.visits.weekCount', { n: p.weekVisits, left })}`}
          </Typography.Text>
          <div style={{ fontSize: 13, margin: '4px 0' }} data-testid="visits-semester">
            {p.semester ? t('hs.visits.semester', { name: p.semester.name, pupils: p.pupils, visited: p.homeVisited }) : t('hs.visits.noSemester')}
            {p.focusShort > 0 && (
              <Typography.Text type="danger" style={{ display: 'block' }}>
                {t('hs.visits.focusShort', { n: p.focusShort, min: p.rule.specialMin })}
              </Typography.Text>
            )}
          </div>
          <RuleCitation rule={p.rule} />
        </>
      }
    />
  );
}
