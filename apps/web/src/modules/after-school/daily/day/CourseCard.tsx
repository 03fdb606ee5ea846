/** One course of the teacher's day on a phone: "全部到" in one tap, then a tap on each exception, then save. */
import { CheckOutlined, StopOutlined } from '@ant-design/icons';
import type { AttendanceStatus, DayCourse } from '@shuangjian/contracts';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../../app/i18n';
import { useMessage } from '../../../../app/message';
import { applyServerError } from '../../../../components/errors';
import { useDailyWrites } from '../queries';

/** A tap moves a child to the next mark. */
const NEXT: Record<AttendanceStatus, AttendanceStatus> = { present: 'absent', absent: 'late', late: 'leave', leave: 'present' };
export const STATUS_COLOR: Record<AttendanceStatus, string> = { present: 'success', absent: 'error', late: 'warning', leave: 'default' };

export function CourseCard({ course, date, onCancel }: { course: DayCourse; date: string; onCancel: () => void }) {
  const { t } = useI18n();
  const message = useMessage();
  const writes = useDailyWrites();
  const recorded = useMemo(
    () => new Map(course.roster.map((r) => [r.studentId, r.onLeave ? ('leave' as const) : (r.status ?? undefined)])),
    [course.roster],
  );
  const [marks, setMarks] = useState<Map<string, AttendanceStatus | undefined>>(recorded);
  const [saving, setSaving] = useState(false);
  // a fresh answer from the server (after a save, or another day) resets the marks to what is recorded
  const [shown, setShown] = useState(recorded);
  if (shown !== recorded) {
    setShown(recorded);
    setMarks(recorded);
  }

  const unmarked = course.roster.filter((r) => !marks.get(r.studentId)).length;
  const cancelled = course.session?.status === 'cancelled';
  const allPresent = () => setMarks(new Map(course.roster.map((r) => [r.studentId, marks.get(r.studentId) ?? (r.onLeave ? 'leave' : 'present')])));
  const tap = (id: string) => setMarks(new Map(marks).set(id, NEXT[marks.get(id) ?? 'present']));

  async function save() {
    setSaving(true);
    try {
      const exceptions = course.roster
        .filter((r) => !r.onLeave && marks.get(r.studentId) !== 'present')
        .map((r) => ({ studentId: r.studentId, status: marks.get(r.studentId) as Exclude<AttendanceStatus, 'present'> }));
      const s = await writes.take(course.courseId, { date, exceptions });
      message.success(t('afterSchool.daily.saved', { present: s.present, expected: s.expected }));
    } catch (e) {
      applyServerError(null, e, message.error);
    } finally {
      setSaving(false);
    }
  }

  const status = cancelled ? (
    <Tag icon={<StopOutlined />}>{t('afterSchool.daily.cancelled')}</Tag>
  ) : course.session ? (
    <Tag color="success" icon={<CheckOutlined />} data-testid="session-taken">
      {t('afterSchool.daily.taken', { present: course.session.present, expected: course.session.expected })}
    </Tag>
  ) : (
    <Tag color="processing">{t('afterSchool.daily.notTaken')}</Tag>
  );

  return (
    <Card
      size="small"
      data-testid="course-card"
      title={
        <Flex vertical style={{ padding: '6px 0', whiteSpace: 'normal' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {course.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
            {course.startTime}–{course.endTime}
            {course.room ? ` · ${course.room}` : ''} · {t('afterSchool.daily.children', { n: course.roster.length })}
          </Typography.Text>
        </Flex>
      }
      extra={status}
    >
      {cancelled && <Alert type="warning" showIcon message={course.session?.note} style={{ marginBottom: 8 }} />}
      {!course.roster.length && <Typography.Text type="secondary">{t('afterSchool.daily.emptyRoster')}</Typography.Text>}
      {!cancelled && course.roster.length > 0 && (
        <>
          <Button block size="large" type={unmarked ? 'primary' : 'default'} onClick={allPresent} data-testid="all-present" style={{ marginBottom: 10 }}>
            {t('afterSchool.daily.allPresent')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('afterSchool.daily.tapHint')}
          </Typography.Text>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8, margin: '8px 0 12px' }}>
            {course.roster.map((r) => {
              const mark = marks.get(r.studentId);
              return (
                <Button
                  key={r.studentId}
                  onClick={() => tap(r.studentId)}
                  disabled={r.onLeave}
                  data-testid="roster-child"
                  data-status={mark ?? 'none'}
                  style={{ height: 56, padding: '2px 4px', display: 'flex', flexDirection: 'column', justifyContent: 'center', lineHeight: 1.2 }}
                  color={mark === 'absent' ? 'danger' : mark === 'late' ? 'orange' : mark === 'present' ? 'green' : 'default'}
                  variant={mark && mark !== 'leave' ? 'outlined' : 'dashed'}
                >
                  <span style={{ fontSize: 15, overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: '100%' }}>{r.name}</span>
                  <span style={{ fontSize: 12 }}>{mark ? t(`afterSchool.daily.status.${mark}`) : '—'}</span>
                </Button>
              );
            })}
          </div>
          {unmarked > 0 && <Alert type="info" message={t('afterSchool.daily.unmarked', { n: unmarked })} style={{ marginBottom: 8 }} />}
        </>
      )}
      <Flex gap={8} style={{ position: 'sticky', bottom: 0, background: 'var(--ant-color-bg-container, #fff)', padding: '8px 0', zIndex: 2 }}>
        {!cancelled && course.roster.length > 0 && (
          <Button type="primary" size="large" block loading={saving} disabled={unmarked > 0} onClick={save} data-testid="save-attendance">
            {t('afterSchool.daily.save')}
          </Button>
        )}
        <Button size="large" danger onClick={onCancel} data-testid="cancel-session">
          {t('afterSchool.daily.cancel')}
        </Button>
      </Flex>
    </Card>
  );
}
