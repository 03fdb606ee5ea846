/** One lecture: its sign-up list, and after it took place the attendance (everyone present in one tap, then the exceptions). */
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { hasRole, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { districtToday, formatDay } from '../../homework/components/model';
import { LectureStatus } from './LectureStatus';
import { type LectureDetailRow, useLectureDetail, useMeetingWrites } from './queries';

type Signup = LectureDetailRow['signups'][number];

export function LectureDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t, locale } = useI18n();
  const today = districtToday(useTimeZone());
  const { data: me } = useMe();
  const q = useLectureDetail(id);
  const writes = useMeetingWrites();
  const [picked, setPicked] = useState<{ id: string; users: string[] } | null>(null);
  const l = q.data?.id === id ? q.data : undefined;
  const present = picked?.id === id ? picked.users : [];
  const save = useSaveMutation({ form: null, saved: t('hs.lectures.attendanceOk'), mutationFn: () => writes.lectureAttendance(id!, present) });
  // a district lecture's attendance is the district office's to record, a school's lecture its administrator's
  const mayMark = !!l && (l.level === 'school' || hasRole(me, 'district_admin'));
  const marking = !!l && mayMark && !l.held && l.date <= today && l.signups.length > 0;
  return (
    <Drawer open={!!id} onClose={onClose} size={640} title={l?.title ?? ' '} destroyOnHidden data-testid="hs-lecture-drawer">
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {l && (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('hs.lectures.host')}>{l.schoolName ?? t('hs.lectures.level.district')}</Descriptions.Item>
            {l.speaker && <Descriptions.Item label={t('hs.lectures.speaker')}>{l.speaker}</Descriptions.Item>}
            <Descriptions.Item label={t('hs.lectures.col.when')}>
              {formatDay(l.date, locale, true)} {l.time}
            </Descriptions.Item>
            {l.place && <Descriptions.Item label={t('hs.lectures.place')}>{l.place}</Descriptions.Item>}
            {l.link && <Descriptions.Item label={t('hs.lectures.link')}>{l.link}</Descriptions.Item>}
            <Descriptions.Item label={t('hs.lectures.col.signups')}>
              <Flex gap={8} align="center">
                {t('hs.lectures.signed', { n: l.signedUp, capacity: l.capacity })}
                <LectureStatus lecture={l} />
              </Flex>
            </Descriptions.Item>
          </Descriptions>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong>{t('hs.lectures.signups', { n: l.signups.length })}</Typography.Text>
            {marking && (
              <Flex gap={8}>
                <Button onClick={() => setPicked({ id: l.id, users: l.signups.map((s) => s.userId) })} data-testid="hs-lecture-all">
                  {t('hs.meetings.allPresent')}
                </Button>
                <Button type="primary" loading={save.isPending} onClick={() => save.mutate(undefined)} data-testid="hs-lecture-attendance-save">
                  {t('hs.lectures.saveAttendance')}
                </Button>
              </Flex>
            )}
          </Flex>
          {mayMark && !l.held && l.date > today && l.signups.length > 0 && <Alert type="info" showIcon title={t('hs.lectures.attendanceLater')} />}
          {l.signups.length ? (
            <Table<Signup>
              rowKey="userId"
              size="small"
              dataSource={l.signups}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              rowSelection={marking ? { selectedRowKeys: present, onChange: (keys) => setPicked({ id: l.id, users: keys.map(String) }) } : undefined}
              columns={[
                { title: t('hs.lectures.parent'), dataIndex: 'name' },
                { title: t('hs.lectures.child'), dataIndex: 'studentName' },
                {
                  title: t('hs.lectures.attended'),
                  key: 'attended',
                  width: 90,
                  render: (_, s) => (s.attended === null ? '—' : <Tag color={s.attended ? 'green' : 'default'}>{t(s.attended ? 'hs.meetings.present' : 'hs.meetings.absent')}</Tag>),
                },
              ]}
              data-testid="hs-lecture-signups"
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hs.lectures.signupsNone')} />
          )}
        </Flex>
      )}
    </Drawer>
  );
}
