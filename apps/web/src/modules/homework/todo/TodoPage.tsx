/**
 * 作业待办: what waits for me in the review chain, by role — my drafts and returned items (teacher), content to check
 * (学科组长 / 年级组长), class-days to coordinate (班主任), days to approve (教务处) — and the school's chain settings.
 */
import { Alert, Button, Flex } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { hasRole, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { useTodo } from '../components/queries';
import { SettingsCard } from '../components/SettingsCard';
import { CheckSection } from './CheckSection';
import { ApproveSection } from './ApproveSection';
import { CoordinateSection } from './DaysSection';
import { MineSection } from './MineSection';

export default function TodoPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const todo = useTodo();
  const location = useLocation();
  const teacher = hasRole(me, 'teacher');
  const checker = hasRole(me, 'subject_leader', 'grade_leader');
  const coordinator = hasRole(me, 'class_teacher');
  const approver = hasRole(me, 'school_admin');

  // links from the home page name a section (#toCheck …): scroll to it once the lists are there
  useEffect(() => {
    if (!todo.data || !location.hash) return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [todo.data, location.hash]);

  const d = todo.data;
  const nothing = d && !d.drafts.length && !d.returned.length && !d.toCheck.length && !d.toCoordinate.length && !d.toApprove.length;
  return (
    <>
      <PageHeader title={t('menu.homework.todo')} sub={t('hw.todo.sub')} extra={teacher && <Link to="/homework/set"><Button type="primary">{t('menu.homework.set')}</Button></Link>} />
      {todo.error && <Alert type="error" showIcon title={todo.error.message} style={{ marginBottom: 16 }} />}
      {nothing && <Alert type="success" showIcon title={t('hw.todo.allDone')} style={{ marginBottom: 16 }} data-testid="todo-all-done" />}
      <Flex vertical gap={16}>
        {coordinator && <CoordinateSection rows={d?.toCoordinate} loading={todo.isLoading} />}
        {approver && <ApproveSection rows={d?.toApprove} loading={todo.isLoading} />}
        {checker && <CheckSection rows={d?.toCheck} days={d?.checkDays} loading={todo.isLoading} />}
        {teacher && <MineSection id="returned" title={t('hw.todo.returned')} rows={d?.returned} loading={todo.isLoading} empty={t('hw.todo.returnedEmpty')} />}
        {teacher && <MineSection id="drafts" title={t('hw.todo.drafts')} rows={d?.drafts} loading={todo.isLoading} empty={t('hw.todo.draftsEmpty')} />}
        {approver && me && (
          <Flex vertical gap={16} id="settings">
            {me.schools.map((s) => (
              <SettingsCard key={s.id} schoolId={s.id} schoolName={me.schools.length > 1 ? s.name : undefined} editable />
            ))}
          </Flex>
        )}
      </Flex>
    </>
  );
}

