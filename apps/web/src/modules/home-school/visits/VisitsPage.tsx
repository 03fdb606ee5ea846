/**
 * 家访 for teachers, on the phone: this week against the weekly rule (cited), the pupils still due this semester, the
 * 记录家访 form, my visits with their follow-ups, and the way to each of my classes' progress.
 */
import './messages';
import { FormOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { DueList } from './DueList';
import { useMyProgress } from './queries';
import { VisitForm, type VisitPreset } from './VisitForm';
import { VisitList } from './VisitList';
import { WeekStatus } from './WeekStatus';

export default function VisitsPage() {
  const { t } = useI18n();
  const q = useMyProgress();
  // the form is open with this preset; a new preset (another pupil picked from the list) is a fresh form
  const [form, setForm] = useState<{ n: number; preset: VisitPreset } | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const openForm = (preset: VisitPreset) => {
    setForm((f) => ({ n: (f?.n ?? 0) + 1, preset }));
    requestAnimationFrame(() => formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const p = q.data;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }} data-testid="visits-page">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.homeSchool.visits')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('hs.visits.sub')}</Typography.Text>
      </div>
      <QueryError error={q.error} style={{ marginBottom: 0 }} />
      {q.isLoading && <PageSpinner />}
      {p && (
        <>
          <WeekStatus progress={p} />
          <div ref={formRef} style={{ scrollMarginTop: 64 }}>
            {form ? (
              <Card size="small" title={t('hs.visits.form')}>
                <VisitForm key={form.n} progress={p} preset={form.preset} onSaved={() => setForm(null)} onClose={() => setForm(null)} />
              </Card>
            ) : (
              <Button type="primary" size="large" block icon={<FormOutlined />} onClick={() => openForm({})} disabled={!p.classes.length} data-testid="visit-open">
                {t('hs.visits.record')}
              </Button>
            )}
          </div>
          {p.classes.length ? (
            <DueList progress={p} onRecord={(d) => openForm({ classId: d.classId, studentId: d.studentId })} />
          ) : (
            <Alert type="info" showIcon title={t('hs.visits.noClasses')} data-testid="visits-no-classes" />
          )}
          <VisitList today={p.today} />
          {p.classes.length > 0 && (
            <Card size="small" title={t('hs.visits.myClasses')} data-testid="visits-classes">
              <List
                size="small"
                dataSource={p.classes}
                renderItem={(c) => (
                  <List.Item>
                    <Link to={`/home-school/visits/classes/${c.id}`} style={{ width: '100%' }} data-testid="visits-class-link">
                      <Flex justify="space-between" align="center">
                        <span>
                          {c.schoolName} {c.name}
                        </span>
                        <span>
                          <Tag>{t(c.asClassTeacher ? 'hs.visits.asClassTeacher' : 'hs.visits.asTeacher')}</Tag>
                          <RightOutlined />
                        </span>
                      </Flex>
                    </Link>
                  </List.Item>
                )}
              />
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
