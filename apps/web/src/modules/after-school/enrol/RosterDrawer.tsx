/** A course's roster for staff: who holds a seat, the waiting line in order, the requests before a draw; export to Excel. */
import type { Roster } from '@shuangjian/contracts';
import { ExportOutlined } from '@ant-design/icons';
import { Button, Drawer, Table, Tabs } from 'antd';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { rosterExportUrl, useRoster } from './queries';

type Entry = Roster['enrolled'][number];

export function RosterDrawer({ courseId, onClose }: { courseId: string | undefined; onClose(): void }) {
  const { t } = useI18n();
  const q = useRoster(courseId);
  const r = q.data;
  const columns = (waiting: boolean) => [
    ...(waiting ? [{ title: t('afterSchool.enrol.col.place'), dataIndex: 'waitPosition', width: 90 }] : []),
    { title: t('afterSchool.enrol.col.class'), dataIndex: 'className' },
    { title: t('afterSchool.enrol.col.no'), dataIndex: 'studentNo' },
    { title: t('afterSchool.enrol.col.name'), dataIndex: 'studentName' },
  ];
  const table = (rows: Entry[], waiting = false) => <Table<Entry> size="small" rowKey="enrolmentId" dataSource={rows} columns={columns(waiting)} pagination={{ pageSize: 50, hideOnSinglePage: true }} />;
  return (
    <Drawer
      open={!!courseId}
      onClose={onClose}
      width={640}
      title={r ? t('afterSchool.enrol.roster.title', { name: r.course.name }) : t('afterSchool.enrol.roster')}
      extra={
        courseId && (
          <Button icon={<ExportOutlined />} href={rosterExportUrl(courseId)} download data-testid="roster-export">
            {t('afterSchool.enrol.export')}
          </Button>
        )
      }
    >
      {q.error && <QueryError error={q.error} />}
      {r && (
        <Tabs
          data-testid="roster"
          items={[
            { key: 'enrolled', label: t('afterSchool.enrol.roster.enrolled', { n: r.enrolled.length }), children: table(r.enrolled) },
            { key: 'waitlisted', label: t('afterSchool.enrol.roster.waitlisted', { n: r.waitlisted.length }), children: table(r.waitlisted, true) },
            ...(r.requested.length ? [{ key: 'requested', label: t('afterSchool.enrol.roster.requested', { n: r.requested.length }), children: table(r.requested) }] : []),
          ]}
        />
      )}
    </Drawer>
  );
}
