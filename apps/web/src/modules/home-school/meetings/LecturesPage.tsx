/** 家长学校 for the district office and school administrators: the district's and schools' lectures, creating one, its sign-ups and attendance. */
import './messages';
import { PlusOutlined } from '@ant-design/icons';
import type { Lecture } from '@shuangjian/contracts';
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { formatDay } from '../../homework/components/model';
import { LectureDrawer } from './LectureDrawer';
import { LectureForm } from './LectureForm';
import { LectureStatus } from './LectureStatus';
import { useLectures } from './queries';

export default function LecturesPage() {
  const { t, locale } = useI18n();
  const q = useLectures();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div data-testid="hs-lectures">
      <PageHeader
        title={t('menu.homeSchool.lectures')}
        sub={t('hs.lectures.sub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="hs-lecture-new">
            {t('hs.lectures.new')}
          </Button>
        }
      />
      <QueryError error={q.error} />
      <Table<Lecture>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('hs.lectures.none') }}
        columns={[
          {
            title: t('hs.lectures.col.title'),
            key: 'title',
            render: (_, l) => (
              <>
                <Tag color={l.level === 'district' ? 'purple' : 'cyan'}>{t(`hs.lectures.level.${l.level}`)}</Tag>
                <Typography.Text strong>{l.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[l.schoolName, l.speaker, l.grades.length ? l.grades.map((g) => t('hs.lectures.grade', { n: g })).join('、') : t('hs.lectures.gradesAll')].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          { title: t('hs.lectures.col.when'), key: 'when', width: 190, render: (_, l) => `${formatDay(l.date, locale, true)}${l.time ? ` ${l.time}` : ''}` },
          {
            title: t('hs.lectures.col.where'),
            key: 'where',
            width: 220,
            render: (_, l) => (
              <>
                {l.place && <div>{l.place}</div>}
                {l.link && (
                  <Typography.Link href={l.link} target="_blank" rel="noreferrer" ellipsis style={{ maxWidth: 200, fontSize: 12 }}>
                    {l.link}
                  </Typography.Link>
                )}
              </>
            ),
          },
          { title: t('hs.lectures.col.signups'), key: 'signups', width: 120, render: (_, l) => t('hs.lectures.signed', { n: l.signedUp, capacity: l.capacity }) },
          { title: t('hs.lectures.col.status'), key: 'status', width: 130, render: (_, l) => <LectureStatus lecture={l} /> },
          {
            key: 'open',
            width: 110,
            render: (_, l) => (
              <Button size="small" onClick={() => setOpen(l.id)} data-testid="hs-lecture-open">
                {t('hs.lectures.open')}
              </Button>
            ),
          },
        ]}
      />
      <LectureForm open={creating} onClose={() => setCreating(false)} />
      <LectureDrawer id={open} onClose={() => setOpen(null)} />
    </div>
  );
}
