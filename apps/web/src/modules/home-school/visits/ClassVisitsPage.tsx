/**
 * A class's 家访 progress this semester, for its class teacher, the school and the district: each teacher's home
 * visits against the class's pupils, each pupil's visits and who has still to visit them at home, 重点关注 pupils
 * against their minimum; the rule cited as the API gives it.
 */
import './messages';
import { ArrowLeftOutlined, CheckCircleFilled } from '@ant-design/icons';
import type { ClassProgress } from '@shuangjian/contracts';
import { Card, Col, Flex, Progress, Row, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { can, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { Figure } from '../../../components/Figure';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useClassProgress } from './queries';
import { RuleCitation } from './WeekStatus';

type Pupil = ClassProgress['rows'][number];

/** What a pupil is still due: teachers who have not visited at home (when the rule asks for it), visits short of the 重点关注 minimum. */
function pupilDue(p: ClassProgress, row: Pupil) {
  const teachersMissing = p.rule.semesterHomeMin > 0 ? p.teachers.filter((x) => !row.homeVisitedBy.includes(x.teacherId)) : [];
  const focusLeft = row.focus ? Math.max(0, p.rule.specialMin - row.visits) : 0;
  return { teachersMissing, focusLeft, complete: !teachersMissing.length && !focusLeft };
}

export default function ClassVisitsPage() {
  const { t } = useI18n();
  const { classId } = useParams();
  const { data: me } = useMe();
  const q = useClassProgress(classId);
  const [onlyDue, setOnlyDue] = useState(false);
  const p = q.data;
  const teacherDue = (pupilsHomeVisited: number) => (p && p.rule.semesterHomeMin > 0 ? p.pupils - pupilsHomeVisited : 0);
  const teachersDone = p ? p.teachers.filter((x) => teacherDue(x.pupilsHomeVisited) === 0).length : 0;
  const focusDue = p ? p.rows.filter((r) => r.focus && r.visits < p.rule.specialMin).length : 0;
  const rows = p ? (onlyDue ? p.rows.filter((r) => !pupilDue(p, r).complete) : p.rows) : [];
  const masked = p?.rows.some((r) => r.name.includes('*'));
  return (
    <>
      <PageHeader
        title={p ? `${p.schoolName} ${p.className} · ${t('menu.homeSchool.classVisits')}` : t('menu.homeSchool.classVisits')}
        sub={t('hs.visits.classSub')}
        extra={
          can(me, 'home-school.visit') && (
            <Link to="/home-school/visits">
              <ArrowLeftOutlined /> {t('hs.visits.back')}
            </Link>
          )
        }
      />
      <QueryError error={q.error} />
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Figure title={t('hs.visits.pupils')} value={p?.pupils ?? '-'} loading={q.isLoading} testId="class-visits-pupils" />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('hs.visits.visitedByAny')} value={p ? `${p.visitedByAny} / ${p.pupils}` : '-'} loading={q.isLoading} testId="class-visits-visited" />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('hs.visits.teachersDone')} value={p ? `${teachersDone} / ${p.teachers.length}` : '-'} loading={q.isLoading} testId="class-visits-teachers" />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('hs.visits.focusDue')} value={p ? focusDue : '-'} color={focusDue ? '#cf1322' : undefined} loading={q.isLoading} testId="class-visits-focus" />
        </Col>
      </Row>
      {p && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <RuleCitation rule={p.rule} />
        </Card>
      )}
      <Card size="small" title={t('hs.visits.byTeacher')} style={{ marginBottom: 12 }} data-testid="class-visits-by-teacher">
        <Table
          size="small"
          rowKey="teacherId"
          loading={q.isLoading}
          pagination={false}
          dataSource={p?.teachers ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('hs.visits.teacher'), dataIndex: 'name' },
            { title: t('hs.visits.role'), render: (_, x) => <Tag color={x.asClassTeacher ? 'blue' : undefined}>{t(x.asClassTeacher ? 'hs.visits.asClassTeacher' : 'hs.visits.asTeacher')}</Tag> },
            {
              title: t('hs.visits.homeVisited'),
              render: (_, x) => (
                <Flex align="center" gap={8} style={{ minWidth: 200 }}>
                  <Progress percent={p?.pupils ? Math.round((100 * x.pupilsHomeVisited) / p.pupils) : 0} size="small" showInfo={false} style={{ width: 120, margin: 0 }} />
                  <span>
                    {x.pupilsHomeVisited} / {p?.pupils}
                  </span>
                </Flex>
              ),
            },
            {
              title: t('hs.visits.stillDue'),
              render: (_, x) => {
                const due = teacherDue(x.pupilsHomeVisited);
                return due ? <Typography.Text type="warning">{due}</Typography.Text> : <Tag color="green">{t('hs.visits.pupilComplete')}</Tag>;
              },
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('hs.visits.byPupil')}
        extra={
          <Flex gap={6} align="center">
            <Switch size="small" checked={onlyDue} onChange={setOnlyDue} data-testid="class-visits-only-due" />
            <span>{t('hs.visits.onlyDue')}</span>
          </Flex>
        }
        data-testid="class-visits-by-pupil"
      >
        {masked && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('hs.visits.masked')}
          </Typography.Paragraph>
        )}
        <Table<Pupil>
          size="small"
          rowKey="studentId"
          loading={q.isLoading}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('hs.visits.pupil'),
              fixed: 'left',
              render: (_, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {r.name} {r.focus && <Tag color="red">{t('hs.visits.focus')}</Tag>}
                </span>
              ),
            },
            { title: t('hs.visits.visits'), align: 'center', render: (_, r) => (r.focus && p ? `${r.visits} / ${p.rule.specialMin}` : r.visits) },
            ...(p?.teachers ?? []).map((x) => ({
              key: x.teacherId,
              title: (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {x.name}
                  {x.asClassTeacher && <Typography.Text type="secondary">（{t('hs.visits.asClassTeacher')}）</Typography.Text>}
                </span>
              ),
              align: 'center' as const,
              render: (_: unknown, r: Pupil) =>
                r.homeVisitedBy.includes(x.teacherId) ? <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('hs.visits.homeMark')} /> : <Typography.Text type="secondary">—</Typography.Text>,
            })),
            {
              title: t('hs.visits.pupilDue'),
              render: (_, r) => {
                if (!p) return null;
                const d = pupilDue(p, r);
                if (d.complete) return <Tag color="green">{t('hs.visits.pupilComplete')}</Tag>;
                return (
                  <Flex gap={4} wrap>
                    {d.focusLeft > 0 && <Tag color="red">{t('hs.visits.pupilDueFocus', { n: d.focusLeft })}</Tag>}
                    {d.teachersMissing.length > 0 && <Tag color="orange">{t('hs.visits.pupilDueTeachers', { n: d.teachersMissing.length })}</Tag>}
                  </Flex>
                );
              },
            },
          ]}
        />
      </Card>
    </>
  );
}
