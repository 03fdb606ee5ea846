/**
 * 课后服务选课 on the parent's phone (390 px wide): the window's state, the agreement to sign, the child's courses with
 * their places on waiting lists, and the courses open to the child's grade with seats left.
 */
import { Alert, Card, Empty, Flex, Typography } from 'antd';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { useChild } from '../../homework/child/useChild';
import { AgreementCard } from './AgreementCard';
import { CourseCard, StatusTag } from './CourseCard';
import { slotText } from './format';
import { useChildEnrol } from './queries';

export default function FamilyEnrolPage() {
  const { t } = useI18n();
  const tz = useTimeZone();
  const { child, choose } = useChild();
  const q = useChildEnrol(child?.id);
  const v = q.data;
  const w = v?.window;
  const mine = v?.courses.filter((c) => c.status) ?? [];
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="enrol-child">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('menu.afterSchool.enrolChild')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('afterSchool.enrol.sub')}
      </Typography.Paragraph>
      {child && <ChildSwitcher value={child.id} onChange={choose} />}
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {v && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {v.student.name} · {v.student.schoolName} {v.student.className}
            {v.semester ? ` · ${v.semester.name}` : ''}
          </Typography.Text>
          {!v.semester ? (
            <Empty description={t('afterSchool.enrol.noSemester')} />
          ) : (
            <>
              <Alert
                data-testid="enrol-window"
                type={w?.state === 'open' ? 'success' : 'info'}
                showIcon
                title={
                  !w
                    ? t('afterSchool.enrol.window.none')
                    : t(`afterSchool.enrol.window.${w.state}`, { opens: formatDateTime(w.opensAt, tz), closes: formatDateTime(w.closesAt, tz) })
                }
                description={
                  w && (
                    <>
                      {t('afterSchool.enrol.window.maxClubs', { n: w.maxClubs })}
                      {w.mode === 'lottery' && <div>{w.lotterySeed ? t('afterSchool.enrol.window.drawn', { seed: w.lotterySeed }) : t('afterSchool.enrol.window.lottery')}</div>}
                    </>
                  )
                }
              />
              <AgreementCard view={v} />
              <Card size="small" title={t('afterSchool.enrol.mine')} data-testid="enrol-mine">
                {mine.length ? (
                  <Flex vertical gap={6}>
                    {mine.map((c) => (
                      <Flex key={c.id} justify="space-between" align="center" gap={8}>
                        <div style={{ minWidth: 0 }}>
                          <Typography.Text strong>{c.name}</Typography.Text>
                          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                            {slotText(t, c)}
                          </Typography.Text>
                        </div>
                        <StatusTag course={c} />
                      </Flex>
                    ))}
                  </Flex>
                ) : (
                  <Typography.Text type="secondary">{t('afterSchool.enrol.mine.none')}</Typography.Text>
                )}
              </Card>
              <Typography.Title level={5} style={{ margin: '4px 0 0' }}>
                {t('afterSchool.enrol.courses', { grade: v.student.grade })}
              </Typography.Title>
              {!v.courses.length && <Empty description={t('afterSchool.enrol.courses.none')} />}
              {v.courses.map((c) => (
                <CourseCard key={c.id} course={c} view={v} />
              ))}
            </>
          )}
        </Flex>
      )}
    </div>
  );
}
