/** HTTP routes of the review chain in bulk: approving many class-days at once, copying last week's homework. */
import { ApproveDays, ApproveDaysResult, CopyWeek, CopyWeekResult, ErrorBody } from '@shuangjian/contracts';
import type { App } from '../../platform/http';
import { copyWeek } from './copy-week.service';
import * as days from './days.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['homework'];

export function registerReviewRoutes(app: App) {
  app.post(
    '/api/homework/days/approve',
    {
      schema: {
        tags,
        summary: '教务处批量审核通过并公示：逐日独立处理，列出已公示的和不能通过的（附原因）',
        body: ApproveDays,
        response: { 200: ApproveDaysResult, ...errors },
      },
    },
    (req) => days.approveDays(req.ctx, req.body),
  );
  app.post(
    '/api/homework/items/copy-week',
    {
      schema: {
        tags,
        summary: '复制上周作业：把某周布置的作业按星期复制到另一周（草稿或提交审核；dryRun 只预览并检查上限）',
        body: CopyWeek,
        response: { 200: CopyWeekResult, ...errors },
      },
    },
    (req) => copyWeek(req.ctx, req.body),
  );
}
