/** HTTP routes of the training module's early-warning cases (预警处置); the district view's routes register from here too. */
import {
  ErrorBody,
  IdParams,
  TrainingAlertAssign,
  TrainingAlertAssignee,
  TrainingAlertClose,
  TrainingAlertDetail,
  TrainingAlertNoteInput,
  TrainingAlertQuery,
  TrainingAlertRow,
} from '@shuangjian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http';
import { addAlertNote, assignAlert, closeAlert, getAlert, listAlerts, listAssignees } from './alerts.service';
import { registerTrainingDistrictRoutes } from './district.routes';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['training'];

export function registerAlertsRoutes(app: App): void {
  app.get(
    '/api/training/alerts',
    { schema: { tags, summary: '校外培训预警列表（按类型、状态、学区、机构筛选；督学只看本学区）', querystring: TrainingAlertQuery, response: { 200: z.array(TrainingAlertRow), ...errors } } },
    (req) => listAlerts(req.ctx, req.query),
  );
  app.get(
    '/api/training/alerts/assignees',
    {
      schema: {
        tags,
        summary: '可接手预警的人员（区教育局工作人员、该学区督学）',
        querystring: z.object({ zoneId: IdParams.shape.id.optional() }),
        response: { 200: z.array(TrainingAlertAssignee), ...errors },
      },
    },
    (req) => listAssignees(req.ctx, req.query.zoneId),
  );
  app.get(
    '/api/training/alerts/:id',
    { schema: { tags, summary: '一条预警：证据（数据、规则、政策版本）与处置记录', params: IdParams, response: { 200: TrainingAlertDetail, ...errors } } },
    (req) => getAlert(req.ctx, req.params.id),
  );
  app.post(
    '/api/training/alerts/:id/assign',
    { schema: { tags, summary: '指派预警处置人', params: IdParams, body: TrainingAlertAssign, response: { 200: TrainingAlertDetail, ...errors } } },
    (req) => assignAlert(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/training/alerts/:id/notes',
    { schema: { tags, summary: '添加处置记录', params: IdParams, body: TrainingAlertNoteInput, response: { 200: TrainingAlertDetail, ...errors } } },
    (req) => addAlertNote(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/training/alerts/:id/close',
    { schema: { tags, summary: '办结预警（处置结果与说明）', params: IdParams, body: TrainingAlertClose, response: { 200: TrainingAlertDetail, ...errors } } },
    (req) => closeAlert(req.ctx, req.params.id, req.body),
  );
  registerTrainingDistrictRoutes(app);
}
