/**
 * The home page of each role, the day's main job first: this week's homework figures and what needs attention for the
 * district office and inspectors, today's publication progress for academic affairs, today's classes and their load for
 * teachers; then the to-do, the organisation's counts and the rest.
 */
import { type Me, type OrgOverview, roleLabels, type School } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { homeSections } from '../modules/home';
import { DistrictHome } from '../modules/homework/home/DistrictHome';
import { SchoolHome } from '../modules/homework/home/SchoolHome';
import { TeacherHome } from '../modules/homework/home/TeacherHome';
import { api } from './api';
import { can, hasRole, useMe } from './auth';
import { useI18n } from './i18n';

// the district's chart only: the other homes load no chart code
const Chart = lazy(() => import('../components/Chart').then((m) => ({ default: m.Chart })));
// a parent's home: today's homework first (its own file, its own chunk)
const ParentHome = lazy(() => import('../modules/homework/child/ParentHome'));

/** Signed in only as a parent: no staff or administrator role. */
const parentOnly = (me: Me) => me.roles.length > 0 && me.roles.every((r) => r === 'parent');

export default function HomePage() {
  const { data: me } = useMe();
  const { t, locale } = useI18n();
  const admin = hasRole(me, 'district_admin', 'inspector', 'school_admin', 'grade_leader', 'subject_leader');
  const overview = useQuery({ queryKey: ['org-overview'], queryFn: () => api.get<z.infer<typeof OrgOverview>>('/api/org/overview'), enabled: admin });
  const schools = useQuery({
    queryKey: ['schools'],
    queryFn: () => api.get<z.infer<typeof School>[]>('/api/schools'),
    enabled: hasRole(me, 'district_admin', 'inspector'),
  });
  if (!me) return null;
  const teaching = me.classes.some((c) => c.roles.includes('teacher') || c.roles.includes('class_teacher'));
  const places = [...new Set([...me.schools.map((s) => s.name), ...me.children.map((c) => c.schoolName)])];
  if (parentOnly(me))
    return (
      <Suspense fallback={null}>
        <ParentHome />
      </Suspense>
    );
  const stats: [string, number | undefined][] = [
    ['home.zones', overview.data?.zones],
    ['home.schools', overview.data?.schools],
    ['home.classes', overview.data?.classes],
    ['home.students', overview.data?.students],
    ['home.staff', overview.data?.staff],
    ['home.institutions', overview.data?.institutions],
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.user.name })}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">{t('home.roles')}：</Typography.Text>
          {me.roles.map((r) => (
            <Tag key={r} color="blue">
              {roleLabels[r][locale]}
            </Tag>
          ))}
          <Typography.Text type="secondary" data-testid="home-place">
            {[me.district.name, ...(places.length <= 2 ? places : [])].join(' · ')}
          </Typography.Text>
        </Space>
      </Card>
      {hasRole(me, 'auditor') && (
        <Alert type="info" showIcon title={t('home.auditHint')} action={<Link to="/audit">{t('menu.audit')}</Link>} />
      )}
      {can(me, 'homework.district') && <DistrictHome />}
      {hasRole(me, 'school_admin') && <SchoolHome />}
      {teaching && <TeacherHome />}
      {homeSections.filter((s) => s.visible(me)).map((s) => (
        <s.Component key={s.key} />
      ))}
      {admin && (
        <Row gutter={[16, 16]}>
          {stats
            .filter(([key]) => key !== 'home.institutions' || can(me, 'institution.read'))
            .map(([key, value]) => (
              <Col key={key} xs={12} sm={8} lg={4}>
                <Card>
                  <Statistic title={t(key)} value={value ?? '-'} loading={overview.isLoading} />
                </Card>
              </Col>
            ))}
        </Row>
      )}
      {schools.data && schools.data.length > 0 && (
        <Card title={t('home.students')}>
          <Suspense fallback={<div style={{ height: 280 }} />}>
            <Chart
              option={{
                tooltip: {},
                grid: { left: 48, right: 16, bottom: 64, top: 16 },
                xAxis: { type: 'category', data: schools.data.map((s) => s.name), axisLabel: { interval: 0, rotate: 20 } },
                yAxis: { type: 'value' },
                series: [{ type: 'bar', data: schools.data.map((s) => s.studentCount), itemStyle: { color: '#1677ff' } }],
              }}
              style={{ height: 280 }}
            />
          </Suspense>
        </Card>
      )}
      {me.classes.length > 0 && !teaching && (
        <Card title={t('home.myClasses')}>
          <List
            dataSource={me.classes}
            renderItem={(c) => (
              <List.Item>
                <Link to={`/org/students?classId=${c.id}`}>{c.name}</Link>
                <Space>
                  {c.roles.map((r) => (
                    <Tag key={r}>{roleLabels[r][locale]}</Tag>
                  ))}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {me.children.length > 0 && (
        <Card title={t('home.myChildren')}>
          <List
            dataSource={me.children}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta title={<Link to={`/children?child=${c.id}`}>{c.name}</Link>} description={`${c.schoolName} · ${c.className}`} />
              </List.Item>
            )}
          />
        </Card>
      )}
      {me.institutions.length > 0 && (
        <Card title={t('home.myInstitution')}>
          <List dataSource={me.institutions} renderItem={(i) => <List.Item>{i.name}</List.Item>} />
        </Card>
      )}
    </Space>
  );
}
