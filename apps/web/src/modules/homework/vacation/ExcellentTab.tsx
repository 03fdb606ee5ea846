/**
 * 寒暑假作业优秀学生名单 for the school: per grade and vacation, who has enough 优秀 marks (the district's threshold), and
 * academic affairs publishes the list once the vacation is over.
 */
import { TrophyOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Flex, Popconfirm, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { can, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { gradeLabel } from '../components/grades';
import { invalidateHomework } from '../components/model';
import { ExcellentListCard } from './ExcellentListCard';
import { publishExcellent, useExcellentPreview } from './queries';

export function ExcellentTab({
  schoolId,
  grades,
  grade,
  date,
  onGrade,
  onDate,
}: {
  schoolId: string | undefined;
  grades: number[];
  grade: number | undefined;
  date: string;
  onGrade(g: number): void;
  onDate(d: string): void;
}) {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const client = useQueryClient();
  const preview = useExcellentPreview(schoolId, grade, date);
  const p = preview.data;
  const publish = useSaveMutation({
    form: null,
    mutationFn: () => publishExcellent({ schoolId: schoolId!, grade: grade!, date }),
    saved: t('hwm.excellent.published'),
    onSuccess: () => invalidateHomework(client),
  });
  const mayPublish = can(me, 'homework.approve');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Flex gap={8} wrap align="center">
          <Select
            value={grade}
            style={{ width: 140 }}
            aria-label={t('hwv.library.field.grade')}
            options={grades.map((g) => ({ value: g, label: gradeLabel(g, locale) }))}
            onChange={(g: number) => onGrade(g)}
          />
          <DatePicker value={dayjs(date)} allowClear={false} aria-label={t('hwm.excellent.vacationDay')} onChange={(v) => v && onDate(v.format('YYYY-MM-DD'))} />
          <Typography.Text type="secondary">{t('hwm.excellent.pickHint')}</Typography.Text>
        </Flex>
      </Card>
      {preview.error && <Alert type="info" showIcon title={preview.error.message} />}
      {p?.published && <ExcellentListCard list={p.published} />}
      {p && !p.published && (
        <Card
          size="small"
          title={
            <span>
              <TrophyOutlined style={{ color: '#d48806' }} /> {t('hwm.excellent.candidates', { vacation: p.vacation.name, from: p.vacation.from, to: p.vacation.to })}
            </span>
          }
          extra={
            mayPublish && (
              <Popconfirm title={t('hwm.excellent.confirm', { n: p.candidates.length })} onConfirm={() => publish.mutate(undefined)} okText={t('hwm.excellent.publish')}>
                <Button type="primary" disabled={!p.ended} loading={publish.isPending} data-testid="excellent-publish">
                  {t('hwm.excellent.publish')}
                </Button>
              </Popconfirm>
            )
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {t('hwm.excellent.threshold', { n: p.minExcellent })}
            {p.policyVersions ? ` ${t('hwm.excellent.districtSet')}` : ` ${t('hwm.excellent.default')}`}
            {!p.ended && ` ${t('hwm.excellent.notEnded', { to: p.vacation.to })}`}
          </Typography.Paragraph>
          {p.candidates.length === 0 ? (
            <Empty description={t('hwm.excellent.noCandidates')} />
          ) : (
            <Table
              rowKey="studentId"
              size="small"
              pagination={false}
              dataSource={p.candidates}
              columns={[
                { title: t('hwm.col.student'), dataIndex: 'name' },
                { title: t('hw.field.class'), dataIndex: 'className' },
                { title: t('hwm.col.excellent'), dataIndex: 'excellent', align: 'right' },
                { title: t('hwm.col.handedIn'), dataIndex: 'handedIn', align: 'right' },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
