/** The labour-list grid (劳动清单): a row per pupil, a column per task of the grade; ticks saved in one request. */
import type { GrowthClassView } from '@shuangjian/contracts';
import { Button, Checkbox, DatePicker, Drawer, Flex, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useGrowthWrites } from './queries';

const key = (studentId: string, code: string) => `${studentId}|${code}`;

type Props = { view: GrowthClassView; onClose(): void; today: string };

export function LabourGridDrawer({ open, ...props }: Props & { open: boolean }) {
  const { t } = useI18n();
  return (
    <Drawer open={open} onClose={props.onClose} title={t('exams.growth.labourGridTitle', { grade: props.view.class.grade })} size="large" styles={{ body: { paddingTop: 8 } }} destroyOnHidden>
      {open && <LabourGrid {...props} />}
    </Drawer>
  );
}

/** The grid's ticks start from the saved ones each time the drawer opens. */
function LabourGrid({ view, onClose, today }: Props) {
  const { t } = useI18n();
  const writes = useGrowthWrites();
  const [initial] = useState(() => new Set(view.pupils.flatMap((p) => p.labourDone.map((c) => key(p.studentId, c)))));
  const [ticked, setTicked] = useState(() => new Set(initial));
  const [date, setDate] = useState<Dayjs>(dayjs(today));
  const changes = [...new Set([...initial, ...ticked])].filter((k) => initial.has(k) !== ticked.has(k));
  const save = useSaveMutation({
    form: null,
    mutationFn: () =>
      writes.labour(view.class.id, {
        semesterId: view.semester.id,
        date: date.format('YYYY-MM-DD'),
        ticks: changes.map((k) => ({ studentId: k.split('|')[0]!, code: k.split('|')[1]!, done: ticked.has(k) })),
      }),
    saved: (r) => t('exams.growth.labourSaved', { ticked: r.ticked, cleared: r.cleared }),
    onSuccess: onClose,
  });
  const toggle = (k: string, on: boolean) => setTicked((s) => (on ? new Set(s).add(k) : new Set([...s].filter((x) => x !== k))));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('exams.growth.labourGridHint')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{t('exams.growth.labourDate')}</Typography.Text>
        <DatePicker inputReadOnly allowClear={false} value={date} onChange={(d) => d && setDate(d)} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        <Button type="primary" disabled={!changes.length} loading={save.isPending} onClick={() => save.mutate(undefined)} data-testid="labour-save">
          {t('exams.growth.save')} {changes.length ? `(${changes.length})` : ''}
        </Button>
      </Flex>
      <Table
        size="small"
        rowKey="studentId"
        pagination={false}
        scroll={{ x: 'max-content', y: 'calc(100vh - 260px)' }}
        dataSource={view.pupils}
        columns={[
          { title: t('exams.growth.students'), dataIndex: 'name', fixed: 'left', width: 80 },
          ...view.labourTasks.map((task) => ({
            title: <span title={task.name}>{task.code}</span>,
            key: task.code,
            width: 64,
            align: 'center' as const,
            render: (_: unknown, p: GrowthClassView['pupils'][number]) => (
              <Checkbox
                checked={ticked.has(key(p.studentId, task.code))}
                onChange={(e) => toggle(key(p.studentId, task.code), e.target.checked)}
                aria-label={`${p.name} ${task.name}`}
                data-testid={`labour-${p.studentNo}-${task.code}`}
              />
            ),
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {view.labourTasks.map((l) => `${l.code} ${l.name}`).join('；')}
      </Typography.Paragraph>
    </>
  );
}
