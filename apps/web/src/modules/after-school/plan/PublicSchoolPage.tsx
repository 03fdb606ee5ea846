/** Public, no sign-in (三单公开): a school's after-school timetable, courses with providers and prices, fees, and today's homework, for parents on a phone. */
import { ClockCircleOutlined, ReadOutlined, ScheduleOutlined, WalletOutlined } from '@ant-design/icons';
import { courseCategoryLabels } from '@shuangjian/contracts';
import { type Fen, formatYuan, weekdayName } from '@shuangjian/policy';
import { Alert, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { usePublicSchool } from './queries';
import './messages';

function Section({ icon, title, children, testId }: { icon: ReactNode; title: string; children: ReactNode; testId: string }) {
  return (
    <section data-testid={testId} style={{ marginBottom: 20 }}>
      <Flex align="center" gap={6} style={{ marginBottom: 8 }}>
        {icon}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      </Flex>
      {children}
    </section>
  );
}

export default function PublicSchoolPage() {
  const { t, locale } = useI18n();
  const { schoolId } = useParams();
  const page = usePublicSchool(schoolId);
  const yuan = (v: number) => formatYuan(v as Fen, { locale });
  if (page.isLoading) return <PageSpinner />;
  const d = page.data;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: '16px 12px 32px' }}>
      {page.error && <Alert type="error" showIcon message={page.error.message} />}
      {d && (
        <>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('afterSchool.plan.public.title', { school: d.schoolName })}
          </Typography.Title>
          <Typography.Text type="secondary">{d.date}</Typography.Text>
          <div style={{ height: 12 }} />
          {!d.plan && <Alert type="info" showIcon message={t('afterSchool.plan.public.noPlan')} style={{ marginBottom: 16 }} />}
          {d.plan && (
            <>
              <Section icon={<ClockCircleOutlined />} title={t('afterSchool.plan.public.timetable')} testId="public-timetable">
                <Card size="small">
                  <Typography.Paragraph style={{ marginBottom: 6 }}>{d.plan.weekdays.map(weekdayName).join('、')}</Typography.Paragraph>
                  {d.plan.periods.map((p) => (
                    <div key={p.start}>
                      <Typography.Text strong>
                        {p.start}–{p.end}
                      </Typography.Text>{' '}
                      {t(`afterSchool.plan.period.${p.kind}`)}
                    </div>
                  ))}
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
                    {d.plan.pickupPlan}
                  </Typography.Paragraph>
                </Card>
              </Section>
              <Section icon={<ScheduleOutlined />} title={t('afterSchool.plan.public.content')} testId="public-courses">
                <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                  {d.courses.map((c) => (
                    <Card key={c.name} size="small" styles={{ body: { padding: 12 } }}>
                      <Flex justify="space-between" align="flex-start" gap={8}>
                        <Typography.Text strong>{c.name}</Typography.Text>
                        <Tag color={c.category === 'homework' ? 'blue' : 'cyan'} style={{ marginInlineEnd: 0 }}>
                          {courseCategoryLabels[c.category][locale]}
                        </Tag>
                      </Flex>
                      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
                        {c.grades.map((g) => t('afterSchool.plan.grade', { n: g })).join('、')} · {c.weekdays.map(weekdayName).join(' ')} {c.startTime}–{c.endTime}
                        {c.room ? ` · ${c.room}` : ''}
                        <br />
                        {c.staffing === 'provider'
                          ? `${c.providerName} · ${t('afterSchool.plan.public.perLesson', { price: yuan(c.pricePerLessonFen) })}`
                          : `${t(`afterSchool.plan.course.staffing.${c.staffing}`)} · ${t('afterSchool.plan.public.free')}`}
                      </Typography.Paragraph>
                    </Card>
                  ))}
                </Space>
              </Section>
              <Section icon={<WalletOutlined />} title={t('afterSchool.plan.public.fees')} testId="public-fees">
                <Card size="small">
                  {t('afterSchool.plan.public.feeLine', { fee: yuan(d.plan.fees.serviceFeeFen), mode: t(`afterSchool.plan.feeMode.${d.plan.fees.mode}`) })}
                  {d.plan.fees.passThroughNote && (
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
                      {d.plan.fees.passThroughNote}
                    </Typography.Paragraph>
                  )}
                  {d.plan.principles && (
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
                      {d.plan.principles}
                    </Typography.Paragraph>
                  )}
                </Card>
              </Section>
            </>
          )}
          <Section icon={<ReadOutlined />} title={t('afterSchool.plan.public.homework')} testId="public-homework">
            {d.homework.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('afterSchool.plan.public.noHomework')} />
            ) : (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                {d.homework.map((h) => (
                  <Card key={h.className} size="small" title={h.className} styles={{ body: { padding: '4px 12px' } }}>
                    <List
                      size="small"
                      dataSource={h.items}
                      renderItem={(i) => (
                        <List.Item style={{ paddingInline: 0 }}>
                          <span>
                            <Typography.Text strong>{i.subjectName}</Typography.Text> {i.content}{' '}
                            <Typography.Text type="secondary">
                              {t('afterSchool.plan.public.minutes', { n: i.minutes })}
                              {i.place === 'school' ? ` · ${t('afterSchool.plan.public.atSchool')}` : ''}
                              {i.layer === 'extension' ? ` · ${t('afterSchool.plan.public.optional')}` : ''}
                            </Typography.Text>
                          </span>
                        </List.Item>
                      )}
                    />
                  </Card>
                ))}
              </Space>
            )}
          </Section>
        </>
      )}
    </div>
  );
}
