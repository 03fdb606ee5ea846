/**
 * 家长会与讲座 on the parent's phone (390 px wide): the child's class meetings coming, the class's online parent
 * lectures, and the district's and school's lectures open to the child, to sign up for or cancel.
 */
import './messages';
import { CalendarOutlined, LinkOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { useChild } from '../../homework/child/useChild';
import { formatDay } from '../../homework/components/model';
import { upcomingFor } from './family';
import { FamilyLectureCard } from './FamilyLectureCard';
import { useFamilyUpcoming } from './queries';

function Section({ title, empty, testId, children }: { title: string; empty: string | null; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId} style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
        {title}
      </Typography.Title>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '8px 0' }} /> : <Flex vertical gap={10}>{children}</Flex>}
    </section>
  );
}

export default function FamilyPage() {
  const { t, locale } = useI18n();
  const { child, choose } = useChild();
  const q = useFamilyUpcoming(!!child);
  const d = q.data && child ? upcomingFor(q.data, child) : undefined;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="hs-family">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('menu.homeSchool.family')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('hs.family.sub')}
      </Typography.Paragraph>
      {child && <ChildSwitcher value={child.id} onChange={choose} />}
      {child && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 10 }} data-testid="hs-family-child">
          {child.name} · {child.schoolName} {child.className}
        </Typography.Text>
      )}
      {!child && <Empty description={t('hwv.child.noChildren')} />}
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {d && child && (
        <>
          <Section title={t('hs.family.meetings')} empty={d.meetings.length ? null : t('hs.family.meetingsNone')} testId="hs-family-meetings">
            {d.meetings.map((m) => (
              <Card key={m.id} size="small" styles={{ body: { padding: 14 } }} data-testid="hs-family-meeting">
                <Typography.Text strong style={{ display: 'block', fontSize: 16 }}>
                  {m.title}
                </Typography.Text>
                <Typography.Text type="secondary">
                  <CalendarOutlined /> {formatDay(m.date, locale)}
                  {m.place ? ` · ${m.place}` : ''}
                </Typography.Text>
              </Card>
            ))}
          </Section>
          <Section title={t('hs.family.lectures')} empty={d.lectures.length ? null : t('hs.family.lecturesNone')} testId="hs-family-lectures">
            {d.lectures.map((l) => (
              <FamilyLectureCard key={l.id} lecture={l} child={child} />
            ))}
          </Section>
          <Section title={t('hs.family.classLectures')} empty={d.classLectures.length ? null : t('hs.family.classLecturesNone')} testId="hs-family-class-lectures">
            {d.classLectures.map((l) => (
              <Flex key={l.id} justify="space-between" align="center" gap={8}>
                <span>
                  {l.topic}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                    {formatDay(l.date, locale)}
                  </Typography.Text>
                </span>
                {l.link && (
                  <Typography.Link href={l.link} target="_blank" rel="noreferrer" style={{ whiteSpace: 'nowrap' }}>
                    <LinkOutlined /> {t('hs.family.join')}
                  </Typography.Link>
                )}
              </Flex>
            ))}
          </Section>
        </>
      )}
    </div>
  );
}
