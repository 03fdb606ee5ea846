/** A lecture's state in one tag: held (with its attendance), full, or coming. */
import type { Lecture } from '@shuangjian/contracts';
import { lectureHasRoom } from '@shuangjian/policy';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';

export function LectureStatus({ lecture }: { lecture: Lecture }) {
  const { t } = useI18n();
  if (lecture.held) return <Tag color="green">{t('hs.lectures.held', { n: lecture.attended })}</Tag>;
  return !lectureHasRoom(lecture.signedUp, lecture.capacity) ? <Tag color="red">{t('hs.lectures.full')}</Tag> : <Tag color="blue">{t('hs.lectures.coming')}</Tag>;
}
