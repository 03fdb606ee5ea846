/**
 * Small tags of a student: status, the special-student flags (never inferred: only what the server sent), and an ID
 * number or address as the server answered it, masked or in full.
 */
import { Space, Tag, Typography } from 'antd';
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

/** An ID number or address as the server sent it; a masked one in grey, so nobody copies it for the real value. */
export function IdentityValue({ value, masked, testId }: { value: string | null; masked: boolean; testId?: string }) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type={masked ? 'secondary' : undefined} copyable={!masked} data-testid={testId} style={{ fontFamily: /^[\d*X]+$/.test(value) ? 'monospace' : undefined }}>
      {value}
    </Typography.Text>
  );
}
