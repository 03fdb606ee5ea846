/**
 * 一人一档: one special student's file — the situation, the care plan with the stand-in parent (代理家长) of a
 * left-behind child, and the care records with a form to add one. Every opening is written to the audit log, which
 * the page says; anyone the server refuses sees a refusal page.
 */
import './messages';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { CareRecord, SpecialFile } from '@shuangjian/contracts';
import { Alert, Button, Card, Col, Descriptions, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { CarePlanDialog } from './CarePlanDialog';
import { CareRecordForm } from './CareRecordForm';
import { FlagTags } from './FlagTags';
import { useSpecialFile } from './queries';
import { Refusal } from './Refusal';

const KIND_COLOR: Record<CareRecord['kind'], string> = { talk: 'blue', counselling: 'purple', visit: 'green', study_help: 'cyan', material_aid: 'gold', family_call: 'magenta' };

function Plan({ file, onEdit }: { file: SpecialFile; onEdit: () => void }) {
  const { t } = useI18n();
  const text = (v: string | null) => v ?? <Typography.Text type="secondary">{t('hs.special.plan.empty')}</Typography.Text>;
  const missingStandIn = file.flags.leftBehind && !file.standInId;
  return (
    <Card
      size="small"
      title={t('hs.special.plan')}
      data-testid="care-plan"
      extra={
        file.canWrite && (
          <Button size="small" type={file.hasFile ? 'default' : 'primary'} icon={<EditOutlined />} onClick={onEdit} data-testid="plan-edit">
            {file.hasFile ? t('hs.special.plan.edit') : t('hs.special.plan.create')}
          </Button>
        )
      }
    >
      {!file.hasFile && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hs.special.file.noFile')} />}
      {missingStandIn && file.standInRequired && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('hs.special.file.needStandIn')} data-testid="stand-in-missing" />}
      <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
        {file.flags.leftBehind && (
          <Descriptions.Item label={t('hs.special.plan.standIn')}>
            <span data-testid="stand-in">
              {file.standInName ?? <Typography.Text type="danger">{t('hs.special.plan.noStandIn')}</Typography.Text>}
              {file.standInName && file.standInPhone && (
                <>
                  {' · '}
                  <a href={`tel:${file.standInPhone}`} data-testid="stand-in-phone">
                    {file.standInPhone}
                  </a>
                </>
              )}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('hs.special.plan.goals')}>{text(file.goals)}</Descriptions.Item>
        <Descriptions.Item label={t('hs.special.plan.measures')}>{text(file.measures)}</Descriptions.Item>
        <Descriptions.Item label={t('hs.special.plan.responsible')}>{text(file.responsible)}</Descriptions.Item>
        {!file.flags.leftBehind && file.standInName && <Descriptions.Item label={t('hs.special.plan.standIn')}>{file.standInName}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

function Records({ file }: { file: SpecialFile }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('hs.special.records')} data-testid="care-records">
      {file.canWrite && file.hasFile && (
        <div style={{ marginBottom: 16 }}>
          <CareRecordForm studentId={file.studentId} />
        </div>
      )}
      <List<CareRecord>
        size="small"
        dataSource={file.records}
        locale={{ emptyText: t('hs.special.records.none') }}
        renderItem={(r) => (
          <List.Item data-testid="care-record">
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={4}>
                <span>
                  <Tag color={KIND_COLOR[r.kind]}>{t(`hs.special.kind.${r.kind}`)}</Tag>
                  <Typography.Text>{r.date}</Typography.Text>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('hs.special.record.by', { name: r.byName })}
                </Typography.Text>
              </Flex>
              <Typography.Text>{r.content}</Typography.Text>
              {r.followUp && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('hs.special.record.follow', { text: r.followUp })}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function SpecialFilePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { studentId } = useParams();
  const q = useSpecialFile(studentId);
  const [editing, setEditing] = useState(false);
  const back = () => void navigate('/home-school/special');

  if (q.error instanceof ApiError && (q.error.status === 403 || q.error.status === 404))
    return <Refusal testId="special-file-refused" title={t('hs.special.file.refused')} sub={t('hs.special.file.refusedSub')} action={{ label: t('hs.special.file.toRegister'), onClick: back }} />;
  if (q.isLoading) return <PageSpinner />;
  const file = q.data;
  if (!file) return <QueryError error={q.error} />;
  const min = file.specialMin;
  const below = file.visitsThisSemester < min;

  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={
          <span data-testid="special-file-name">
            {file.name} <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>{`${file.schoolName} ${file.className}`}</Typography.Text>
          </span>
        }
        sub={<FlagTags flags={file.flags} />}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {t('hs.special.file.toRegister')}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t('hs.special.file.audited')} data-testid="special-audited" />
      {!file.canWrite && <Alert type="warning" showIcon title={t('hs.special.file.readOnly')} />}
      <QueryError error={q.error} />
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('hs.special.file.visits')}
              value={t('hs.special.file.visitsOf', { n: file.visitsThisSemester, min })}
              styles={{ content: below ? { color: '#cf1322' } : {} }}
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic title={t('hs.special.file.lastCare')} value={file.lastCareDate ?? t('hs.special.file.never')} />
          </Card>
        </Col>
        {file.note && (
          <Col xs={24} md={8}>
            <Card size="small" title={t('hs.special.file.note')} styles={{ body: { minHeight: 54 } }}>
              <Typography.Text>{file.note}</Typography.Text>
            </Card>
          </Col>
        )}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={11}>
          <Plan file={file} onEdit={() => setEditing(true)} />
        </Col>
        <Col xs={24} lg={13}>
          <Records file={file} />
        </Col>
      </Row>
      {file.canWrite && <CarePlanDialog file={file} open={editing} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
