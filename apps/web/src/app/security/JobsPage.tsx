/** 后台任务 (系统管理员): each background job's schedule, last run and last success, the day's failures, and the latest failed runs by id. */
import type { JobsOverview } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { api } from '../api';
import { useI18n } from '../i18n';
import './messages';

type Job = JobsOverview['jobs'][number];
type Failure = JobsOverview['failures'][number];

/** What each job does, in words (the name stays beside it: it is what the server's log says). */
const LABELS: Record<string, string> = {
  'audit.chain': '审计日志上链（防篡改）',
  'audit.archive': '审计日志到期归档',
  'platform.housekeeping': '清理过期会话、幂等键与消息',
  'homework.rollups': '作业统计汇总',
  'homework.eveningReminder': '晚间提醒家长反馈作业时长',
  'after-school.stats': '课后服务统计汇总',
  'training.auto-confirm': '课消 48 小时自动确认',
  'training.stats': '校外培训统计汇总',
  'training.rectificationOverdue': '整改逾期升级',
  'five-managements.selfcheckOverdue': '五项管理自查逾期标记',
  'home-school.visitReminder': '家访提醒',
  'home-school.bases': '家长学校基地统计',
  'supervision.reports': '月度督导报告',
  'timetable.planFigures': '课程计划统计',
};

const every = (ms: number) => {
  if (ms < 60_000) return `每 ${ms / 1000} 秒（每台服务器）`;
  const [n, unit] = ms < 3_600_000 ? [ms / 60_000, '分钟'] : [ms / 3_600_000, '小时'];
  return n === 1 ? `每${unit === '分钟' ? '分钟' : '小时'}` : `每 ${n} ${unit}`;
};
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');
const STATUS = { running: { color: 'processing', text: '运行中' }, done: { color: 'success', text: '成功' }, failed: { color: 'error', text: '失败' } } as const;

export default function JobsPage() {
  const { t } = useI18n();
  const { data } = useQuery({ queryKey: ['system', 'jobs'], queryFn: () => api.get<JobsOverview>('/api/system/jobs'), refetchInterval: 15_000 });
  const failing = data?.jobs.filter((j) => j.lastRun?.status === 'failed') ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('menu.systemJobs')}
        extra={data && <Tag data-testid="jobs-engine">{data.engine === 'graphile-worker' ? '所有服务器共用队列（graphile-worker，PostgreSQL）' : '本进程内运行（内置数据库）'}</Tag>}
      >
        <Typography.Paragraph type="secondary">
          定时任务每个到期时间只在一台服务器上运行一次；失败后按指数退避重试，最多 5 次。高频任务（每几秒）在每台服务器上运行，以数据库锁保证每条数据只处理一次，只记录失败。
        </Typography.Paragraph>
        {failing.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`最近一次运行失败：${failing.map((j) => LABELS[j.name] ?? j.name).join('、')}`} />}
        {data?.retrying ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${data.retrying} 个失败的运行正在等待重试`} /> : null}
        <Table<Job>
          data-testid="jobs-table"
          rowKey="name"
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={data?.jobs}
          loading={!data}
          columns={[
            { title: '任务', key: 'name', render: (_, j) => <><div>{LABELS[j.name] ?? j.name}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{j.name}</Typography.Text></> },
            { title: '频率', key: 'every', render: (_, j) => every(j.everyMs) },
            {
              title: '最近运行',
              key: 'last',
              render: (_, j) =>
                j.lastRun ? (
                  <Space size={4} wrap>
                    <Tag color={STATUS[j.lastRun.status].color}>{STATUS[j.lastRun.status].text}</Tag>
                    {time(j.lastRun.startedAt)}
                    {j.lastRun.durationMs !== null && <Typography.Text type="secondary">{`${j.lastRun.durationMs} ms`}</Typography.Text>}
                    <Typography.Text type="secondary">{j.lastRun.server}</Typography.Text>
                  </Space>
                ) : j.kind === 'tick' ? (
                  <Typography.Text type="secondary">持续运行（只记录失败）</Typography.Text>
                ) : (
                  '尚未运行'
                ),
            },
            { title: '最近成功', key: 'ok', render: (_, j) => time(j.lastSuccessAt) },
            { title: '24 小时运行', dataIndex: 'runs24h', align: 'right' },
            { title: '24 小时失败', key: 'failures', align: 'right', render: (_, j) => (j.failures24h ? <Typography.Text type="danger">{j.failures24h}</Typography.Text> : 0) },
          ]}
        />
      </Card>
      <Card title={t('system.jobs.failures')}>
        <Typography.Paragraph type="secondary" data-testid="jobs-error-in-log">
          {t('system.jobs.errorInLog')}
        </Typography.Paragraph>
        <Table<Failure>
          data-testid="jobs-failures"
          rowKey="runId"
          size="small"
          scroll={{ x: 800 }}
          dataSource={data?.failures}
          locale={{ emptyText: '没有失败的运行' }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '时间', key: 'at', render: (_, f) => time(f.startedAt) },
            { title: '任务', key: 'job', render: (_, f) => LABELS[f.job] ?? f.job },
            { title: '第几次', dataIndex: 'attempt', align: 'right' },
            { title: '服务器', dataIndex: 'server' },
            {
              title: t('system.jobs.runId'),
              dataIndex: 'runId',
              render: (id: string) => (
                <Tooltip title={id}>
                  <Typography.Text code copyable={{ text: id }}>
                    {id.slice(0, 8)}
                  </Typography.Text>
                </Tooltip>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
