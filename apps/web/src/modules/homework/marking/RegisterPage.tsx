/**
 * 作业登记: a class's record of a week — each day's published list, how families reported it and how each item was
 * marked — to print (one A4 page per week) or export to Excel.
 */
import { ExportOutlined, PrinterOutlined } from '@ant-design/icons';
import { addDays, weekStart } from '@shuangjian/policy';
import { Alert, Button, Card, Empty, Flex, Select, Space, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { districtToday, formatDay } from '../components/model';
import '../print.css';
import { Stepper } from '../components/Stepper';
import { markingSummary } from './MarkingTag';
import { registerExportUrl, type RegisterRow, useRegister, useVisibleClasses } from './queries';

type Day = RegisterRow['days'][number];
type Line = { key: string; day: Day; span: number; item: Day['items'][number] | null };

/** One line per item; a day without a list still has its line, so the week reads complete on paper. */
function linesOf(r: RegisterRow): Line[] {
  return r.days.flatMap((day) =>
    day.items.length ? day.items.map((item, i): Line => ({ key: item.itemId, day, span: i === 0 ? day.items.length : 0, item })) : [{ key: day.date, day, span: 1, item: null }],
  );
}

export default function RegisterPage() {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const today = districtToday(tz);
  const [params, setParams] = useSearchParams();
  const classes = useVisibleClasses();
  const classId = params.get('classId') ?? classes.data?.[0]?.id;
  const raw = params.get('week');
  const monday = weekStart(raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : today);
  const set = (patch: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...patch }), { replace: true });
  const register = useRegister(classId, monday);
  const r = register.data;
  const noneReason = (d: Day) => (d.dayKind === 'school_day' ? (d.date >= today ? t('hwm.register.notYet') : t('hwm.register.noList')) : (d.dayName ?? t(`hw.dayKind.${d.dayKind}`)));
  return (
    <>
      <div className="hw-no-print">
        <PageHeader
          title={t('menu.homework.register')}
          sub={t('hwm.register.sub')}
          extra={
            <Space wrap>
              <Select
                showSearch
                optionFilterProp="label"
                value={classId}
                loading={classes.isLoading}
                style={{ minWidth: 220 }}
                aria-label={t('hw.field.class')}
                data-testid="register-class"
                options={(classes.data ?? []).map((c) => ({ value: c.id, label: `${c.schoolName} ${c.name}` }))}
                onChange={(v: string) => set({ classId: v })}
              />
              <Button icon={<ExportOutlined />} href={classId ? registerExportUrl(classId, monday) : undefined} download disabled={!classId} data-testid="register-export">
                {t('hwm.register.export')}
              </Button>
              <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!r} data-testid="print">
                {t('hwm.register.print')}
              </Button>
            </Space>
          }
        />
        <Card styles={{ body: { padding: 12 } }} style={{ marginBottom: 12 }}>
          <Stepper
            label={t('hwv.weekRange', { from: formatDay(monday, locale), to: formatDay(addDays(monday, 6), locale) })}
            onPrev={() => set({ week: addDays(monday, -7) })}
            onNext={() => set({ week: addDays(monday, 7) })}
            prevLabel={t('hwv.prevWeek')}
            nextLabel={t('hwv.nextWeek')}
          />
        </Card>
      </div>
      {register.error && <Alert type="error" showIcon title={register.error.message} />}
      {!classId && !classes.isLoading && <Empty description={t('hwm.register.noClass')} />}
      {(r || register.isLoading) && (
        <Card className="hw-notice" loading={register.isLoading} data-testid="register">
          {r && (
            <>
              <Flex vertical align="center" style={{ marginBottom: 12 }}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t('hwm.register.title', { school: r.schoolName, cls: r.className })}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {t('hwm.register.meta', { from: formatDay(r.weekStart, locale, true), to: formatDay(r.weekEnd, locale), n: r.students })}
                </Typography.Text>
              </Flex>
              <Table<Line>
                rowKey="key"
                size="small"
                bordered
                pagination={false}
                dataSource={linesOf(r)}
                columns={[
                  {
                    title: t('hw.field.date'),
                    key: 'date',
                    width: 112,
                    onCell: (l) => ({ rowSpan: l.span }),
                    render: (_, l) => (
                      <Space orientation="vertical" size={0}>
                        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                          {formatDay(l.day.date, locale)}
                        </Typography.Text>
                        {l.day.version ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('hwm.register.reported', { n: l.day.reporters, total: r.students })}
                          </Typography.Text>
                        ) : null}
                      </Space>
                    ),
                  },
                  {
                    title: t('hw.field.subject'),
                    key: 'subject',
                    width: 88,
                    onCell: (l) => ({ colSpan: l.item ? 1 : 6 }),
                    render: (_, l) =>
                      l.item ? (
                        <Space orientation="vertical" size={0}>
                          <span>{l.item.subjectName}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {l.item.teacherName}
                          </Typography.Text>
                        </Space>
                      ) : (
                        <Typography.Text type="secondary">{noneReason(l.day)}</Typography.Text>
                      ),
                  },
                  {
                    title: t('hw.field.content'),
                    key: 'content',
                    onCell: (l) => ({ colSpan: l.item ? 1 : 0 }),
                    render: (_, l) => l.item && <span style={{ whiteSpace: 'pre-wrap' }}>{l.item.title ? `${l.item.title}：${l.item.content}` : l.item.content}</span>,
                  },
                  { title: t('hwm.col.minutes'), key: 'minutes', width: 64, align: 'right', onCell: (l) => ({ colSpan: l.item ? 1 : 0 }), render: (_, l) => l.item?.minutes },
                  {
                    title: t('hwm.col.done'),
                    key: 'done',
                    width: 84,
                    align: 'right',
                    onCell: (l) => ({ colSpan: l.item ? 1 : 0 }),
                    render: (_, l) => (l.item && l.day.reporters ? `${l.item.done}/${l.day.reporters}` : '–'),
                  },
                  {
                    title: t('hwm.col.marking'),
                    key: 'marking',
                    width: 150,
                    onCell: (l) => ({ colSpan: l.item ? 1 : 0 }),
                    render: (_, l) =>
                      l.item?.marking ? markingSummary(t, l.item.marking) : l.item ? <Typography.Text type="danger">{t('hwm.notRecorded')}</Typography.Text> : null,
                  },
                  {
                    title: t('hwm.col.note'),
                    key: 'note',
                    width: 150,
                    onCell: (l) => ({ colSpan: l.item ? 1 : 0 }),
                    render: (_, l) => l.item?.marking?.note,
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                {t('hwm.register.footnote')}
              </Typography.Paragraph>
            </>
          )}
        </Card>
      )}
    </>
  );
}
