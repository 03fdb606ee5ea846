/** Home-page section for staff in the homework chain: what waits for them, each count a link into the to-do page. */
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { hasRole, useMe } from '../../../app/auth';
import { useT } from '../../../app/i18n';
import { useTodo } from './queries';

export function TodoSummary() {
  const t = useT();
  const { data: me } = useMe();
  const todo = useTodo();
  const d = todo.data;
  const tiles: { key: string; section: string; label: string; value: number | undefined; show: boolean; warn?: boolean }[] = [
    { key: 'returned', section: 'returned', label: t('hw.todo.returned'), value: d?.returned.length, show: hasRole(me, 'teacher'), warn: true },
    { key: 'drafts', section: 'drafts', label: t('hw.todo.drafts'), value: d?.drafts.length, show: hasRole(me, 'teacher') },
    { key: 'toCheck', section: 'toCheck', label: t('hw.todo.toCheck'), value: d?.toCheck.length, show: hasRole(me, 'subject_leader', 'grade_leader') },
    { key: 'toCoordinate', section: 'toCoordinate', label: t('hw.todo.toCoordinate'), value: d?.toCoordinate.length, show: hasRole(me, 'class_teacher') },
    { key: 'toApprove', section: 'toApprove', label: t('hw.todo.toApprove'), value: d?.toApprove.length, show: hasRole(me, 'school_admin') },
  ];
  return (
    <Card title={t('hw.home.title')} extra={<Link to="/homework/todo">{t('hw.home.open')}</Link>} data-testid="home-homework-todo">
      <Row gutter={[16, 16]}>
        {tiles
          .filter((x) => x.show)
          .map((x) => (
            <Col key={x.key} xs={12} sm={8} lg={4}>
              <Link to={`/homework/todo#${x.section}`}>
                <Statistic
                  title={x.label}
                  value={x.value ?? '-'}
                  loading={todo.isLoading}
                  styles={{ content: { color: x.value ? (x.warn ? '#cf1322' : '#fa541c') : undefined } }}
                />
              </Link>
            </Col>
          ))}
      </Row>
    </Card>
  );
}
