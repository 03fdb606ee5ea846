/** Tags of the registry: a filing's status, an institution's status and list, and money in yuan. */
import { filingStatusLabels, trainingStatusLabels, type FilingStatus, type InstitutionStatus } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';

const filingColor: Record<FilingStatus, string> = { draft: 'default', submitted: 'processing', returned: 'warning', approved: 'success', withdrawn: 'default' };
const statusColor: Record<InstitutionStatus, string> = { active: 'green', rectifying: 'gold', suspended: 'orange', closed: 'default' };
const listColor: Record<string, string> = { white: 'green', black: 'red', none: 'default' };

export function FilingTag({ status }: { status: FilingStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={filingColor[status]} data-testid={`filing-${status}`}>
      {filingStatusLabels[status][locale]}
    </Tag>
  );
}

export function StatusTag({ status }: { status: InstitutionStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={statusColor[status]} data-testid={`status-${status}`}>
      {trainingStatusLabels[status][locale]}
    </Tag>
  );
}

export function ListTag({ list }: { list: string }) {
  const { t } = useI18n();
  return (
    <Tag color={listColor[list] ?? 'default'} data-testid={`list-${list}`}>
      {t(`training.reg.list.${list}`)}
    </Tag>
  );
}

export function useYuan(): (fen: number) => string {
  const { locale } = useI18n();
  return (fen) => formatYuan(fen as Fen, { locale });
}
