/** Small tags of a student: status, and the special-student flags (never inferred: only what the server sent). */
import { Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import type { StudentRow } from './queries';

const FLAGS = [
  ['leftBehind', 'orange'],
  ['singleParent', 'purple'],
  ['hardship', 'gold'],
  ['disability', 'magenta'],
  ['learningDifficulty', 'cyan'],
] as const;

export function SensitiveTags({ flags, empty = null }: { flags: NonNullable<StudentRow['sensitive']>; empty?: ReactNode }) {
  const t = useT();
  const on = FLAGS.filter(([flag]) => flags[flag]);
  if (!on.length) return <>{empty}</>;
  return (
    <Space size={[0, 4]} wrap>
      {on.map(([flag, color]) => (
        <Tag key={flag} color={color}>
          {t(`org.sensitive.${flag}`)}
        </Tag>
      ))}
    </Space>
  );
}

const statusColor: Record<StudentRow['status'], string> = { active: 'green', transferred: 'default', graduated: 'blue' };

export function StatusTag({ status }: { status: StudentRow['status'] }) {
  const t = useT();
  return <Tag color={statusColor[status]}>{t(`org.student.status.${status}`)}</Tag>;
}
