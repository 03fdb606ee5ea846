/** 结算: the month or the semester — income less refunds, costs and providers; the rest to teachers by minutes — with statements and export. */
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Settlement } from '@shuangjian/contracts';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { yuan } from './money';
import { settlementExportUrl, useMoneyWrites, useSettlement } from './queries';
import './messages';

export function SettlementTab({ schoolId, month }: { schoolId: string | undefined; month: string }) {
  const { t, locale } = useI18n();
  const tz = useTimeZone();
  const [period, setPeriod] = useState<string>(month);
  const shown = period === 'semester' ? 'semester' : month;
  const s = useSettlement(schoolId, shown);
  const writes = useMoneyWrites();
  const settle = useSaveMutation({ form: null, mutationFn: () => writes.settle(schoolId!, shown), saved: (r: Settlement) => t('afterSchool.money.settled', { version: r.version }) });
  const y = (v: number) => yuan(v, locale);
  const d = s.data;

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <Segmented
          value={period === 'semester' ? 'semester' : 'month'}
          onChange={(v) => setPeriod(v === 'semester' ? 'semester' : month)}
          options={[
            { value: 'month', label: month },
            { value: 'semester', label: t('afterSchool.money.period.semester') },
          ]}
        />
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={settle.isPending} onClick={() => settle.mutate(undefined)} disabled={!schoolId} data-testid="money-settle">
          {t('afterSchool.money.settle')}
        </Button>
        <Button icon={<DownloadOutlined />} href={settlementExportUrl(schoolId, shown)} download disabled={!d}>
          {t('afterSchool.money.export')}
        </Button>
      </Flex>
      {s.error && <QueryError error={s.error} />}
      {d && (
        <>
          <Alert
            type={d.id ? 'success' : 'info'}
            showIcon
            data-testid="money-settlement-state"
            message={d.id ? t('afterSchool.money.settledAt', { version: d.version, at: formatDateTime(d.settledAt, tz) }) : t('afterSchool.money.preview')}
            description={`${d.from} — ${d.to} · ${t('afterSchool.money.check')}`}
          />
          {d.reversedSince.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="money-settlement-outdated"
              message={t('afterSchool.money.outdated', { count: d.reversedSince.length, version: d.version })}
              description={d.reversedSince.map((r) => `${formatDateTime(r.reversedAt, tz)} ${y(r.undoneFen)}：${r.reason}`).join('；')}
            />
          )}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label={t('afterSchool.money.feesPaid')}>{y(d.feesPaidFen)}</Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.money.subsidy')}>{y(d.subsidyFen)}</Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.money.passThrough')}>{y(d.passThroughFen)}</Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.money.income')}>
              <strong data-testid="money-income">{y(d.incomeFen)}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.money.refund')}>{y(d.refundsFen)}</Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.money.costs')}>{y(d.costsFen)}</Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.money.providers')}>{y(d.providersFen)}</Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.money.teachers')}>{y(d.teachersFen)}</Descriptions.Item>
            <Descriptions.Item label={t('afterSchool.money.remainder')}>
              <span data-testid="money-remainder">{y(d.remainderFen)}</span>
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('afterSchool.money.teachers')}>
                <Table
                  rowKey="userId"
                  size="small"
                  dataSource={d.teachers}
                  pagination={{ pageSize: 15, hideOnSinglePage: true }}
                  columns={[
                    { title: t('afterSchool.money.teacher'), dataIndex: 'name' },
                    { title: t('afterSchool.money.sessions'), dataIndex: 'sessions', align: 'right' },
                    { title: t('afterSchool.money.minutes'), dataIndex: 'minutes', align: 'right' },
                    { title: t('afterSchool.money.amount'), dataIndex: 'amountFen', align: 'right', render: y },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('afterSchool.money.providers')}>
                <Table
                  rowKey={(p) => `${p.providerId}-${p.pricePerLessonFen}`}
                  size="small"
                  dataSource={d.providers}
                  pagination={false}
                  columns={[
                    { title: t('afterSchool.money.provider'), key: 'p', render: (_, p) => `${p.name} · ${p.item}` },
                    { title: t('afterSchool.money.childLessons'), dataIndex: 'lessons', align: 'right' },
                    { title: t('afterSchool.money.price'), dataIndex: 'pricePerLessonFen', align: 'right', render: y },
                    { title: t('afterSchool.money.amount'), dataIndex: 'amountFen', align: 'right', render: y },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
