/**
 * HTTP routes of the training module's complaints area (举报): the public form and look-up by ticket code (no sign-in,
 * rate-limited per client address), a parent's form and tickets, and the handlers' list, steps and statistics.
 * The public form picks institutions from the public white/black list (GET /api/public/districts/{code}/institutions).
 */
import {
  Complaint,
  ComplaintAnswer,
  ComplaintAssign,
  ComplaintFiled,
  ComplaintFilter,
  ComplaintNote,
  ComplaintPage,
  ComplaintQuery,
  ComplaintStats,
  ComplaintStatsQuery,
  ErrorBody,
  IdParams,
  ParentComplaintInput,
  PublicComplaintInput,
  PublicDistrictParams,
  PublicTicket,
  TicketCodeParams,
} from '@shuangjian/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { sendXlsx } from '../../platform/excel';
import type { App, ModuleDeps } from '../../platform/http';
import { filePublicComplaint, fileParentComplaint, myComplaint, myComplaints, ticketByCode } from './complaints-filing.service';
import { complaintStats, complaintsWorkbook } from './complaints-stats.service';
import * as handling from './complaints.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const publicErrors = { 400: ErrorBody, 404: ErrorBody, 429: ErrorBody };
const tags = ['training'];

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));

export function registerComplaintsRoutes(app: App, deps: ModuleDeps): void {
  const limit = deps.config.complaintRateLimit;
  const window = minutes(limit.timeWindowMs);
  app.post(
    '/api/public/districts/:code/complaints',
    {
      schema: { tags: ['public'], summary: '公众举报培训机构（无需登录，按来源地址限制频率）', params: PublicDistrictParams, body: PublicComplaintInput, response: { 200: ComplaintFiled, ...publicErrors }, security: [] },
      config: {
        public: true,
        rateLimit: {
          max: limit.max,
          timeWindow: limit.timeWindowMs,
          errorResponseBuilder: (_req, c) =>
            new AppError(429, 'RATE_LIMITED', `提交过于频繁：同一网络 ${window} 分钟内最多提交 ${limit.max} 次举报，请 ${minutes(c.ttl)} 分钟后再试`),
        },
      },
    },
    (req) => filePublicComplaint(deps.database.db, req.params.code, req.body, { ip: req.ip ?? null, requestId: req.id, now: deps.now() }),
  );
  app.get(
    '/api/public/complaints/:ticket',
    {
      schema: { tags: ['public'], summary: '凭查询码查看举报办理进度（无需登录）', params: TicketCodeParams, response: { 200: PublicTicket, ...publicErrors }, security: [] },
      config: {
        public: true,
        rateLimit: {
          max: limit.lookupMax,
          timeWindow: limit.timeWindowMs,
          errorResponseBuilder: (_req, c) =>
            new AppError(429, 'RATE_LIMITED', `查询过于频繁：同一网络 ${window} 分钟内最多查询 ${limit.lookupMax} 次，请 ${minutes(c.ttl)} 分钟后再试`),
        },
      },
    },
    (req) => ticketByCode(deps.database.db, req.params.ticket, deps.now()),
  );

  // a parent's side
  app.get('/api/training/family/complaints', { schema: { tags, summary: '家长：我的举报', response: { 200: z.array(Complaint), ...errors } } }, (req) => myComplaints(req.ctx));
  app.get('/api/training/family/complaints/:id', { schema: { tags, summary: '家长：我的一条举报', params: IdParams, response: { 200: Complaint, ...errors } } }, (req) =>
    myComplaint(req.ctx, req.params.id),
  );
  app.post('/api/training/family/complaints', { schema: { tags, summary: '家长：举报培训机构', body: ParentComplaintInput, response: { 200: Complaint, ...errors } } }, (req) =>
    fileParentComplaint(req.ctx, req.body),
  );

  // handling
  app.get('/api/training/complaints', { schema: { tags, summary: '举报单列表（分页；按状态、类别、机构、学区、是否逾期、查询码筛选）', querystring: ComplaintQuery, response: { 200: ComplaintPage, ...errors } } }, (req) =>
    handling.listComplaints(req.ctx, req.query),
  );
  app.get('/api/training/complaints.xlsx', { schema: { tags, summary: '导出举报单（.xlsx，筛选同列表，全部页）', querystring: ComplaintFilter, response: errors } }, async (req, reply) =>
    sendXlsx(reply, await complaintsWorkbook(req.ctx, req.query)),
  );
  app.get('/api/training/complaints/stats', { schema: { tags, summary: '举报统计（按类别、机构、学区）', querystring: ComplaintStatsQuery, response: { 200: ComplaintStats, ...errors } } }, (req) =>
    complaintStats(req.ctx, req.query),
  );
  app.get('/api/training/complaints/:id', { schema: { tags, summary: '举报单详情（含办理时间线）', params: IdParams, response: { 200: Complaint, ...errors } } }, (req) =>
    handling.getComplaint(req.ctx, req.params.id),
  );
  app.post('/api/training/complaints/:id/assign', { schema: { tags, summary: '区县分派举报单到学区/街道', params: IdParams, body: ComplaintAssign, response: { 200: Complaint, ...errors } } }, (req) =>
    handling.assignComplaint(req.ctx, req.params.id, req.body),
  );
  app.post('/api/training/complaints/:id/investigate', { schema: { tags, summary: '开始调查（成为经办人）', params: IdParams, body: ComplaintNote, response: { 200: Complaint, ...errors } } }, (req) =>
    handling.investigateComplaint(req.ctx, req.params.id, req.body.note ?? null),
  );
  app.post('/api/training/complaints/:id/answer', { schema: { tags, summary: '答复举报人（通知家长/短信）', params: IdParams, body: ComplaintAnswer, response: { 200: Complaint, ...errors } } }, (req) =>
    handling.answerComplaint(req.ctx, req.params.id, req.body.answer),
  );
  app.post('/api/training/complaints/:id/close', { schema: { tags, summary: '办结举报单', params: IdParams, body: ComplaintNote, response: { 200: Complaint, ...errors } } }, (req) =>
    handling.closeComplaint(req.ctx, req.params.id, req.body.note ?? null),
  );
}
