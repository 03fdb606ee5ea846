/** 选课与名单 for the school: its choosing windows (open one, draw a lottery), seats per course, and each course's roster. */
import type { CourseSeats, EnrolWindow } from '@shuangjian/contracts';
import { courseCategoryLabels } from '@shuangjian/contracts';
import { todayIn } from '@shuangjian/policy';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { can, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { semesterAt, useSemesters } from '../plan/queries';
import { slotText } from './format';
import { useSeats, useWindows } from './queries';
import { RosterDrawer } from './RosterDrawer';
import { DrawDialog, OpenWindowDialog } from './WindowDialogs';

const STATE_COLOR = { upcoming: 'default', open: 'processing', closed: 'success' } as const;

export default function WindowsPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const tz = useTimeZone();
  const semesters = useSemesters();
  const [schoolId, setSchoolId] = useState<string | undefined>(me?.schools[0]?.id);
  const [picked, setPicked] = useState<string | undefined>();
  const semesterId = picked ?? semesterAt(semesters.data, todayIn(tz, new Date()))?.id;
  const windows = useWindows(schoolId, semesterId);
  const seats = useSeats(schoolId, semesterId);
  const [opening, setOpening] = useState(false);
  const [drawing, setDrawing] = useState<EnrolWindow | null>(null);
  const [roster, setRoster] = useState<string | undefined>();
  const mayPlan = can(me, 'after-school.plan');
  const error = windows.error ?? seats.error ?? semesters.error;

  return (
    <>
      <PageHeader
        title={t('menu.afterSchool.windows')}
        sub={t('afterSchool.enrol.school.sub')}
        extra={
          <Flex gap={8} wrap>
            {(me?.schools.length ?? 0) > 1 && <Select style={{ width: 200 }} value={schoolId} onChange={setSchoolId} options={me!.schools.map((s) => ({ value: s.id, label: s.name }))} />}
            <Select style={{ width: 220 }} value={semesterId} onChange={setPicked} options={(semesters.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
            {mayPlan && schoolId && semesterId && (
              <Button type="primary" onClick={() => setOpening(true)} data-testid="open-window">
                {t('afterSchool.enrol.school.open')}
              </Button>
            )}
          </Flex>
        }
      />
      {error && <QueryError error={error} />}
      <Flex vertical gap={16}>
        <Card size="small" title={t('afterSchool.enrol.school.windows')}>
          <Table<EnrolWindow>
            size="small"
            rowKey="id"
            loading={windows.isLoading}
            dataSource={windows.data ?? []}
            pagination={false}
            locale={{ emptyText: t('afterSchool.enrol.school.noWindows') }}
            columns={[
              { title: t('afterSchool.enrol.school.opens'), render: (_, w) => formatDateTime(w.opensAt, tz) },
              { title: t('afterSchool.enrol.school.closes'), render: (_, w) => formatDateTime(w.closesAt, tz) },
              { title: t('afterSchool.enrol.school.mode'), render: (_, w) => t(`afterSchool.enrol.mode.${w.mode}`) },
              { title: t('afterSchool.enrol.school.maxClubs'), dataIndex: 'maxClubs' },
              { title: '', render: (_, w) => <Tag color={STATE_COLOR[w.state]}>{t(`afterSchool.enrol.state.${w.state}`)}</Tag> },
              {
                title: t('afterSchool.enrol.school.drawResult'),
                render: (_, w) =>
                  w.mode !== 'lottery' ? null : w.lotterySeed ? (
                    <Typography.Text code copyable>
                      {w.lotterySeed}
                    </Typography.Text>
                  ) : (
                    mayPlan && (
                      <Button size="small" disabled={w.state !== 'closed'} onClick={() => setDrawing(w)} data-testid="draw">
                        {t('afterSchool.enrol.school.draw')}
                      </Button>
                    )
                  ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('afterSchool.enrol.school.seats')}>
          <Table<CourseSeats>
            size="small"
            rowKey="id"
            loading={seats.isLoading}
            dataSource={seats.data ?? []}
            pagination={false}
            scroll={{ x: 720 }}
            columns={[
              { title: t('afterSchool.enrol.col.course'), render: (_, c) => <><Typography.Text strong>{c.name}</Typography.Text> <Tag>{courseCategoryLabels[c.category][locale]}</Tag></> },
              { title: t('afterSchool.enrol.col.time'), render: (_, c) => slotText(t, c) },
              { title: t('afterSchool.enrol.col.capacity'), dataIndex: 'capacity', align: 'right' },
              { title: t('afterSchool.enrol.col.enrolled'), dataIndex: 'enrolled', align: 'right' },
              { title: t('afterSchool.enrol.col.waiting'), dataIndex: 'waiting', align: 'right' },
              { title: t('afterSchool.enrol.col.requested'), dataIndex: 'requested', align: 'right' },
              {
                title: '',
                render: (_, c) => (
                  <Button size="small" onClick={() => setRoster(c.id)} data-testid="roster-open">
                    {t('afterSchool.enrol.roster')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </Flex>
      {schoolId && semesterId && <OpenWindowDialog open={opening} schoolId={schoolId} semesterId={semesterId} onClose={() => setOpening(false)} />}
      <DrawDialog window={drawing} onClose={() => setDrawing(null)} />
      <RosterDrawer courseId={roster} onClose={() => setRoster(undefined)} />
    </>
  );
}
