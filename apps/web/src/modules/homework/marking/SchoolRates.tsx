/** A school's marking rate (批改率) over a range: the total, then per week, per teacher (least marked first) and per class. */
import { Alert, Card, Col, Empty, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { formatDay } from '../components/model';
import { BAD, GOOD, percent, ratio, WARN } from '../components/rates';
import { type RatesRow, useSchoolRates } from './queries';

type Count = { published: number; marked: number; faceToFace: number };

/** 有布置必有批改: every item should be marked; below 90% needs a word, below 70% follow-up. */
export const rateColor = (rate: number | null) => (rate === null ? undefined : rate >= 0.9 ? GOOD : rate >= 0.7 ? WARN : BAD);

export function RateBar({ c }: { c: Count }) {
  const rate = ratio(c.marked, c.published);
  return (
    <div style={{ minWidth: 140 }}>
      <Progress percent={rate === null ? 0 : Math.round(rate * 100)} strokeColor={rateColor(rate)} format={() => percent(rate, 0)} size="small" style={{ margin: 0 }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {c.marked}/{c.published}
      </Typography.Text>
    </div>
  );
}

const nowrap = { style: { whiteSpace: 'nowrap' as const } };
const countColumns = (t: (k: string) => string) => [
  { title: t('hwm.col.published'), dataIndex: 'published', width: 72, align: 'right' as const, onHeaderCell: () => nowrap },
  { title: t('hwm.col.rate'), key: 'rate', width: 170, render: (_: unknown, c: Count) => <RateBar c={c} /> },
  { title: t('hwm.col.faceToFace'), dataIndex: 'faceToFace', width: 72, align: 'right' as const, onHeaderCell: () => nowrap },
];

export function SchoolRates({ schoolId, from, to, thisWeek }: { schoolId: string; from: string; to: string; thisWeek: string }) {
  const { t, locale } = useI18n();
  const rates = useSchoolRates(schoolId, from, to);
  const r: RatesRow | undefined = rates.data;
  if (rates.error) return <Alert type="error" showIcon title={rates.error.message} />;
  if (!r) return <Card loading />;
  const total = ratio(r.total.marked, r.total.published);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="marking-school">
        {r.schoolName}
      </Typography.Title>
      {r.reach !== 'school' && <Alert type="info" showIcon title={t(`hwm.rates.reach.${r.reach}`)} style={{ marginBottom: 12 }} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="marking-rate">
            <Statistic title={t('hwm.rates.rate')} value={percent(total)} styles={{ content: { color: rateColor(total) } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('hwm.rates.marked')} value={`${r.total.marked} / ${r.total.published}`} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('hwm.rates.faceToFace')} value={r.total.faceToFace} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('hwm.rates.unmarked')} value={r.total.published - r.total.marked} />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('hwm.rates.explain')}
      </Typography.Paragraph>
      {r.total.published === 0 ? (
        <Card>
          <Empty description={t('hwm.rates.none')} />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('hwm.rates.byWeek')} style={{ marginBottom: 12 }}>
              <Table<RatesRow['weeks'][number]>
                rowKey="weekStart"
                size="small"
                pagination={false}
                dataSource={r.weeks}
                columns={[
                  {
                    title: t('hwm.col.week'),
                    dataIndex: 'weekStart',
                    onCell: () => nowrap,
                    render: (d: string) => (
                      <>
                        {t('hwm.weekOf', { d: formatDay(d, locale).split(' ')[0]! })}
                        {d === thisWeek && (
                          <Tag color="blue" style={{ marginInlineStart: 6 }}>
                            {t('hwm.rates.ongoing')}
                          </Tag>
                        )}
                      </>
                    ),
                  },
                  ...countColumns(t),
                ]}
              />
            </Card>
            <Card size="small" title={t('hwm.rates.byClass')}>
              <Table<RatesRow['classes'][number]>
                rowKey="classId"
                size="small"
                pagination={false}
                dataSource={r.classes}
                data-testid="marking-classes"
                columns={[
                  {
                    title: t('hw.field.class'),
                    dataIndex: 'className',
                    onCell: () => nowrap,
                    render: (name: string, c: RatesRow['classes'][number]) => <Link to={`/homework/register?classId=${c.classId}&week=${thisWeek}`}>{name}</Link>,
                  },
                  ...countColumns(t),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('hwm.rates.byTeacher')}>
              <Table<RatesRow['teachers'][number]>
                rowKey="teacherId"
                size="small"
                pagination={false}
                dataSource={r.teachers}
                data-testid="marking-teachers"
                columns={[
                  { title: t('hw.field.teacher'), dataIndex: 'teacherName', width: 100, onCell: () => nowrap },
                  { title: t('hw.field.subject'), dataIndex: 'subjects', render: (s: string[]) => s.join('、') },
                  ...countColumns(t),
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
