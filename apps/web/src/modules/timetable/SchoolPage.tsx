/** A school's timetables: each class's state (未编/草稿/已公布, meets the plan or not), the Excel import and template, the public page link. */
import './messages';
import { DownloadOutlined, LinkOutlined, UploadOutlined } from '@ant-design/icons';
import type { TimetableClassSummary, TimetableImportResult } from '@shuangjian/contracts';
import { Alert, Button, Card, Flex, Select, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useMessage } from '../../app/message';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { templateUrl, useSchoolTimetables, useTimetableWrites } from './queries';

type ImportError = { sheet: string; cell: string | null; message: string };

export default function SchoolPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const message = useMessage();
  const navigate = useNavigate();
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const q = useSchoolTimetables(schoolId);
  const writes = useTimetableWrites();
  const [result, setResult] = useState<TimetableImportResult | null>(null);
  const [errors, setErrors] = useState<ImportError[] | null>(null);
  const [importing, setImporting] = useState(false);
  const manage = !!me && can(me, 'timetable.manage');
  const data = q.data;

  const upload = async (file: File) => {
    if (!data) return;
    setImporting(true);
    setResult(null);
    setErrors(null);
    try {
      setResult(await writes.importFile(data.school.id, file));
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { errors?: ImportError[] } | undefined) : undefined;
      if (details?.errors) setErrors(details.errors);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setImporting(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('menu.timetable.school')}
        </Typography.Title>
        {data && data.schools.length > 1 && (
          <Select style={{ width: 220 }} aria-label={t('timetable.school')} value={data.school.id} onChange={setSchoolId} options={data.schools.map((s) => ({ value: s.id, label: s.name }))} />
        )}
      </Flex>
      <Typography.Text type="secondary">{t('timetable.schoolSub')}</Typography.Text>
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {data && (
        <>
          {manage && (
            <Card size="small" title={t('timetable.import')}>
              <Typography.Paragraph type="secondary">{t('timetable.importHint')}</Typography.Paragraph>
              <Flex gap={8} wrap>
                <Upload
                  accept=".xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false;
                  }}
                >
                  <Button type="primary" icon={<UploadOutlined />} loading={importing} data-testid="timetable-import">
                    {t('timetable.import')}
                  </Button>
                </Upload>
                <Button icon={<DownloadOutlined />} href={templateUrl(data.school.id)} download data-testid="timetable-template">
                  {t('timetable.template')}
                </Button>
                <Button icon={<LinkOutlined />} href={`/public/timetable/${data.school.id}`} target="_blank" data-testid="timetable-public-link">
                  {t('timetable.publicPage')}
                </Button>
              </Flex>
              {result && (
                <Alert
                  style={{ marginTop: 12 }}
                  type={result.classes.every((c) => c.check.compliant) ? 'success' : 'warning'}
                  showIcon
                  data-testid="timetable-import-result"
                  title={t('timetable.imported', { n: result.classes.length })}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {result.classes.map((c) => (
                        <li key={c.classId}>
                          <Link to={`/timetable/class/${c.classId}`}>{c.className}</Link>：
                          {c.check.compliant ? t('timetable.meetsPlan') : c.check.findings.filter((f) => f.severity === 'error').map((f) => f.message).join('；')}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
              {errors && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="error"
                  showIcon
                  data-testid="timetable-import-errors"
                  title={t('timetable.importErrors')}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {errors.slice(0, 30).map((e, i) => (
                        <li key={i}>
                          「{e.sheet}」{e.cell ? ` ${e.cell}` : ''}：{e.message}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
            </Card>
          )}
          <Card size="small" title={`${data.school.name} · ${data.semester.name}`}>
            <Table<TimetableClassSummary>
              size="small"
              rowKey="classId"
              pagination={false}
              dataSource={data.classes}
              data-testid="timetable-classes"
              onRow={(c) => ({ onClick: () => void navigate(`/timetable/class/${c.classId}`), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('timetable.class'), dataIndex: 'className', render: (v: string, c) => <Link to={`/timetable/class/${c.classId}`}>{v}</Link> },
                {
                  title: t('timetable.state'),
                  key: 'status',
                  render: (_, c) => (
                    <>
                      <Tag color={c.status === 'published' ? 'green' : c.status === 'draft' ? 'blue' : 'default'}>
                        {c.status === 'published' ? t('timetable.publishedV', { v: c.publishedVersion ?? 0 }) : t(`timetable.status.${c.status}`)}
                      </Tag>
                      {c.unpublishedChanges && c.status === 'published' && <Tag color="orange">{t('timetable.unpublished')}</Tag>}
                    </>
                  ),
                },
                {
                  title: t('timetable.plan'),
                  key: 'compliant',
                  render: (_, c) => (c.compliant === null ? '—' : c.compliant ? <Tag color="green">{t('timetable.meetsPlan')}</Tag> : <Tag color="red">{t('timetable.shortN', { n: c.errors })}</Tag>),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
