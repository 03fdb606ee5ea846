/** The 测评细则 tab: the editor while the district office holds a draft, the sheet as opened otherwise. */
import type { SupervisionAssessmentDetail } from '@shuangjian/contracts';
import { Alert } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { SheetEditor } from './SheetEditor';
import { SheetView } from './SheetView';

export function SheetTab({ assessment, editable }: { assessment: SupervisionAssessmentDetail; editable: boolean }) {
  const { t } = useI18n();
  if (!editable) return <SheetView assessment={assessment} />;
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('sv.assess.sheet.intro')} />
      <SheetEditor assessment={assessment} />
    </>
  );
}
