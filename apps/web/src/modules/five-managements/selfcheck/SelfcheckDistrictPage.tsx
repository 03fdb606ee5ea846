/** 自查整改总览: per school, how far the semester's self-check is and its open, awaiting, overdue and closed items; a row opens the school. */
import type { SelfcheckOverview } from '@shuangjian/contracts';
import { Button, Progress, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { hasRole, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSelfcheckOverview } from './queries';

type Row = SelfcheckOverview['schools'][number];
const statusColor = { not_started: 'default', draft: 'orange', submitted: 'green' } as const;

export default function SelfcheckDistrictPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const navigate = useNavigate();
  const o = useSelfcheckOverview();
  if (o.error) return <QueryError error={o.error} />;
  if (!o.data) return <PageSpinner />;
  const c = o.data.checklist;
  return (
    <div>
      <PageHeader
        title={t('menu.five.selfcheck')}
        sub={`${o.data.semesterName} · ${c ? `${c.title}（${t(`five.selfcheck.checklist.${c.status}`)}，${t('five.selfcheck.itemCount', { n: c.items })}）` : t('five.selfcheck.noChecklist')}`}
        extra={hasRole(me, 'district_admin') && <Link to="/five/selfcheck/checklist"><Button>{t('menu.five.selfcheckChecklist')}</Button></Link>}
      />
      <Table<Row>
        rowKey="schoolId"
        dataSource={o.data.schools}
        pagination={false}
        scroll={{ x: 760 }}
        onRow={(r) => ({ onClick: () => navigate(`/five/selfcheck/school/${r.schoolId}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('five.selfcheck.col.school'), render: (_, r) => <Typography.Link data-testid="school-link">{r.schoolName}</Typography.Link> },
          { title: t('five.selfcheck.col.zone'), dataIndex: 'zoneName' },
          { title: t('five.selfcheck.col.status'), render: (_, r) => <Tag color={statusColor[r.status]}>{t(`five.selfcheck.status.${r.status}`)}</Tag> },
          { title: t('five.selfcheck.progress'), render: (_, r) => <Progress percent={r.items ? Math.round((r.answered / r.items) * 100) : 0} size="small" format={() => `${r.answered}/${r.items}`} /> },
          {
            title: t('five.selfcheck.col.items'),
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color={r.open ? 'orange' : 'default'}>{t('five.selfcheck.rect.open')} {r.open}</Tag>
                <Tag color={r.awaiting ? 'blue' : 'default'}>{t('five.selfcheck.rect.fixed')} {r.awaiting}</Tag>
                <Tag color={r.overdue ? 'red' : 'default'}>{t('five.selfcheck.overdue')} {r.overdue}</Tag>
                <Tag color={r.closed ? 'green' : 'default'}>{t('five.selfcheck.rect.closed')} {r.closed}</Tag>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
