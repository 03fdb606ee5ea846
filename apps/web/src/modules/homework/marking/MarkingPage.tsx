/**
 * 批改登记 (teachers): the published items I set, each with how it was marked; one click records or changes it until
 * the end of the following week (有布置必有批改). It opens on that window — last week and this week — then goes a week
 * at a time.
 */
import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { addDays, weekStart } from '@shuangjian/policy';
import { Alert, Button, Card, Empty, Flex, Grid, Progress, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { districtToday, formatDay } from '../components/model';
import { percent } from '../components/rates';
import { Stepper } from '../components/Stepper';
import { ItemTags } from '../components/tags';
import { MarkingDialog } from './MarkingDialog';
import { MarkingTag } from './MarkingTag';
import { useWorklist, type WorklistRow } from './queries';

export default function MarkingPage() {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const mobile = !Grid.useBreakpoint().md;
  const today = districtToday(tz);
  const [params, setParams] = useSearchParams();
  const raw = params.get('week');
  const picked = !!raw && /^\d{4}-\d{2}-\d{2}$/.test(raw);
  const monday = weekStart(picked ? raw : today);
  const sunday = addDays(monday, 6);
  // the window still open for recording: last week and this one
  const from = picked ? monday : addDays(monday, -7);
  const setWeek = (d: string) => setParams((p) => ({ ...Object.fromEntries(p), week: d }), { replace: true });
  const list = useWorklist(from, sunday);
  const [open, setOpen] = useState<string | null>(null);
  const rows = list.data?.rows ?? [];
  const marked = rows.filter((r) => r.marking).length;
  const waiting = rows.filter((r) => !r.marking && r.editable).length;
  const action = (r: WorklistRow) => (
    <Tooltip title={r.editable ? undefined : t('hwm.closedOn', { date: r.editableUntil })}>
      <Button size="small" type={r.marking ? 'default' : 'primary'} icon={<EditOutlined />} disabled={!r.editable} onClick={() => setOpen(r.itemId)} data-testid="record-marking">
        {r.marking ? t('hwm.change') : t('hwm.record')}
      </Button>
    </Tooltip>
  );
  return (
    <>
      <PageHeader title={t('menu.homework.marking')} sub={t('hwm.page.sub')} />
      <Card styles={{ body: { padding: 12 } }} style={{ marginBottom: 12 }}>
        <Stepper
          label={t('hwv.weekRange', { from: formatDay(from, locale), to: formatDay(sunday, locale) })}
          sub={
            picked ? (
              <Button type="link" size="small" onClick={() => setParams({}, { replace: true })} style={{ padding: 0 }}>
                {t('hwm.page.backToOpen')}
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('hwm.page.open')}
              </Typography.Text>
            )
          }
          onPrev={() => setWeek(addDays(from, -7))}
          onNext={() => setWeek(addDays(monday, 7))}
          prevLabel={t('hwv.prevWeek')}
          nextLabel={t('hwv.nextWeek')}
        />
      </Card>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      {rows.length > 0 && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="marking-summary">
          <Flex align="center" gap={16} wrap>
            <Typography.Text>{t('hwm.page.summary', { n: rows.length, marked, waiting })}</Typography.Text>
            <Progress percent={Math.round((marked / rows.length) * 100)} format={() => percent(marked / rows.length, 0)} style={{ flex: 1, minWidth: 160, margin: 0 }} />
            <Link to="/homework/register">
              <PrinterOutlined /> {t('menu.homework.register')}
            </Link>
          </Flex>
        </Card>
      )}
      <Card styles={{ body: { padding: mobile ? 8 : 0 } }}>
        {!list.isLoading && rows.length === 0 ? (
          <Empty style={{ padding: 32 }} description={t('hwm.page.empty')} />
        ) : mobile ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {rows.map((r) => (
              <Card key={r.itemId} size="small" data-testid="marking-row">
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>
                    {formatDay(r.date, locale)} · {r.className}
                  </Typography.Text>
                  {action(r)}
                </Flex>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
                  {r.title ?? r.content}
                </Typography.Paragraph>
                <MarkingTag marking={r.marking} editable={r.editable} />
              </Card>
            ))}
          </Space>
        ) : (
          <Table<WorklistRow>
            rowKey="itemId"
            size="middle"
            loading={list.isLoading}
            pagination={false}
            dataSource={rows}
            onRow={() => ({ 'data-testid': 'marking-row' }) as object}
            columns={[
              { title: t('hw.field.date'), dataIndex: 'date', width: 120, render: (d: string) => formatDay(d, locale) },
              { title: t('hw.field.class'), dataIndex: 'className', width: 120 },
              {
                title: t('hw.field.content'),
                key: 'content',
                render: (_, r) => (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text ellipsis={{ tooltip: r.content }} style={{ maxWidth: 420 }}>
                      {r.title ? `${r.title}：` : ''}
                      {r.content}
                    </Typography.Text>
                    <ItemTags item={r} />
                  </Space>
                ),
              },
              { title: t('hwm.col.marking'), key: 'marking', width: 230, render: (_, r) => <MarkingTag marking={r.marking} editable={r.editable} /> },
              { title: '', key: 'action', width: 110, render: (_, r) => action(r) },
            ]}
          />
        )}
      </Card>
      {open && <MarkingDialog itemId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
