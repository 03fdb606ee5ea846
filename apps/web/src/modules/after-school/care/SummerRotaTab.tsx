/** A session's staff rota, a day a row: who is on duty; the site's manager sets a day's staff (replacing it). */
import { EditOutlined } from '@ant-design/icons';
import type { SummerSession, SummerSite } from '@shuangjian/contracts';
import { Button, Form, Modal, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { StaffPicker } from './CarePickers';
import { useCareWrites, useSiteRota } from './queries';
import './messages';

type Staff = { userId: string; name: string };
interface Day {
  date: string;
  staff: Staff[];
}

/** The session's weekdays, and any other day already on the rota. */
function sessionDays(session: SummerSession, rota: Day[]): Day[] {
  const days = new Map<string, Staff[]>();
  for (let d = dayjs(session.startDate); d.format('YYYY-MM-DD') <= session.endDate; d = d.add(1, 'day')) if (d.day() !== 0 && d.day() !== 6) days.set(d.format('YYYY-MM-DD'), []);
  for (const r of rota) days.set(r.date, r.staff);
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, staff]) => ({ date, staff }));
}

export const weekday = (date: string, locale: string) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

export function SummerRotaTab({ site, session }: { site: SummerSite; session: SummerSession }) {
  const { t, locale } = useI18n();
  const rota = useSiteRota(session);
  const [editing, setEditing] = useState<Day | null>(null);
  return (
    <>
      {rota.error && <QueryError error={rota.error} />}
      <Table<Day>
        rowKey="date"
        size="small"
        loading={rota.isLoading}
        dataSource={sessionDays(session, rota.data?.items ?? [])}
        pagination={false}
        columns={[
          { title: t('afterSchool.care.lunch.date'), key: 'date', width: 120, render: (_, d) => `${d.date.slice(5)} ${weekday(d.date, locale)}` },
          {
            title: t('afterSchool.care.summer.onDuty'),
            key: 'staff',
            render: (_, d) => (d.staff.length ? (
                <span data-testid="rota-day">
                  {d.staff.map((s) => (
                    <Tag key={s.userId}>{s.name}</Tag>
                  ))}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('afterSchool.care.summer.nobody')}</Typography.Text>
              )),
          },
          ...(site.canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 90,
                  render: (_: unknown, d: Day) => (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(d)} aria-label={`${t('afterSchool.care.summer.setRota')} ${d.date}`}>
                      {t('afterSchool.care.summer.setRota')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <RotaDayForm site={site} day={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function RotaDayForm({ site, day, onClose }: { site: SummerSite; day: Day; onClose(): void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ userIds: string[] }>();
  const writes = useCareWrites();
  const save = useSaveMutation({
    form,
    mutationFn: (v: { userIds: string[] }) => writes.setRota(site.id, day.date, v.userIds ?? []),
    saved: t('afterSchool.care.summer.rotaSaved', { date: day.date }),
    onSuccess: onClose,
  });
  return (
    <Modal open title={t('afterSchool.care.summer.rotaDay', { date: `${day.date} ${weekday(day.date, locale)}` })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ userIds: day.staff.map((s) => s.userId) }}>
        <Form.Item name="userIds" label={t('afterSchool.care.summer.onDuty')} extra={t(site.schoolId ? 'afterSchool.care.summer.staffOwn' : 'afterSchool.care.summer.staffAny')}>
          <StaffPicker schoolId={site.schoolId} current={day.staff} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
