/** One institution on drill-down: its figures from the rollup and its alert cases (a case opens on the alerts page). */
import { custodyModeLabels } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Descriptions, Divider, Drawer, List, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { kindLabel, statusColor, statusLabel } from '../alerts/labels';
import { CoveredTag, StatusTag } from './InstitutionsTable';
import { useTrainingInstitution } from './queries';

export function InstitutionDrawer({ institutionId, onClose }: { institutionId: string | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const detail = useTrainingInstitution(institutionId);
  const d = detail.data;
  const i = d?.institution;
  const yuan = (v: number) => formatYuan(v as Fen, { locale });
  return (
    <Drawer open={!!institutionId} onClose={onClose} width={Math.min(720, window.innerWidth)} title={i?.institutionName ?? ''} destroyOnHidden>
      {detail.error && <QueryError error={detail.error} />}
      {i && d && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="institution-figures">
            <Descriptions.Item label={t('training.district.zone')}>{i.zoneName}</Descriptions.Item>
            <Descriptions.Item label={t('training.district.status')}>
              <StatusTag status={i.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('training.district.category')}>
              {t(i.category === 'subject' ? 'training.district.subject' : 'training.district.nonSubject')}
            </Descriptions.Item>
            <Descriptions.Item label={t('training.district.mode')}>{custodyModeLabels[i.custodyMode][locale]}</Descriptions.Item>
            <Descriptions.Item label={t('training.district.covered')}>
              <CoveredTag covered={i.covered} />
            </Descriptions.Item>
            <Descriptions.Item label={t('training.district.orders')}>{i.ordersActive}</Descriptions.Item>
            <Descriptions.Item label={t('training.district.held')}>{yuan(i.heldFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.district.owed')}>{yuan(i.owedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.district.deposit')}>{yuan(i.depositFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.district.released')}>{yuan(i.releasedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.district.refunded')}>{yuan(i.refundedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('training.district.lastConsumption')}>{i.lastConsumptionOn ?? '–'}</Descriptions.Item>
            <Descriptions.Item label={t('training.district.complaints')}>
              {i.complaintsOpen}（{t('training.district.complaintsNote', { overdue: i.complaintsOverdue })}）
            </Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{t('training.district.caseList')}</Divider>
          <List
            size="small"
            dataSource={d.alerts}
            locale={{ emptyText: t('training.district.noAlerts') }}
            renderItem={(a) => (
              <List.Item
                extra={<Tag color={statusColor[a.status]}>{statusLabel(a.status, locale)}</Tag>}
              >
                <Link to={`/training/alerts?institutionId=${i.institutionId}&alert=${a.id}`}>{kindLabel(a.kind, locale)}</Link>
                <span style={{ marginLeft: 8, color: '#8c8c8c', fontSize: 12 }}>{new Date(a.openedAt).toLocaleDateString(locale)}</span>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
