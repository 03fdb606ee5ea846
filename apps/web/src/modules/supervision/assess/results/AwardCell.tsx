/** A school's award (表彰, e.g. 新优质学校): typed in place while the assessment is closed, shown after. */
import { ASSESS_AWARD_MAX } from '@shuangjian/contracts';
import { Typography } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { useMessage } from '../../../../app/message';
import { useAssessWrites } from '../../queries-assess';

export function AwardCell({ assessmentId, schoolId, award, editable }: { assessmentId: string; schoolId: string; award: string | null; editable: boolean }) {
  const { t } = useI18n();
  const message = useMessage();
  const writes = useAssessWrites();
  if (!editable) return award ? <Typography.Text data-testid="award">{award}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>;
  const save = (text: string) => {
    const next = text.trim() || null;
    if (next === award) return;
    writes.award(assessmentId, schoolId, next).then(
      () => message.success(next ? t('sv.assess.award.saved') : t('sv.assess.award.cleared')),
      (e: Error) => message.error(e.message),
    );
  };
  return (
    <Typography.Text
      data-testid="award"
      type={award ? undefined : 'secondary'}
      editable={{ text: award ?? '', onChange: save, maxLength: ASSESS_AWARD_MAX, tooltip: t('sv.assess.award.edit'), triggerType: ['icon', 'text'] }}
    >
      {award ?? t('sv.assess.award.none')}
    </Typography.Text>
  );
}
