/** Labels and colours of alert kinds, statuses and outcomes in the language of the page (from the contracts' tables). */
import {
  trainingAlertKindLabels,
  trainingAlertOutcomeLabels,
  trainingAlertStatusLabels,
  type TrainingAlertKind,
  type TrainingAlertOutcome,
  type TrainingAlertStatus,
} from '@shuangjian/contracts';

type Locale = 'zh-CN' | 'en';
export const kindLabel = (k: TrainingAlertKind, l: Locale) => trainingAlertKindLabels[k][l];
export const statusLabel = (s: TrainingAlertStatus, l: Locale) => trainingAlertStatusLabels[s][l];
export const outcomeLabel = (o: TrainingAlertOutcome, l: Locale) => trainingAlertOutcomeLabels[o][l];
export const statusColor: Record<TrainingAlertStatus, string> = { open: 'red', assigned: 'orange', closed: 'default' };
