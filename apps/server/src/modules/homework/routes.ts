/** HTTP routes of 作业管理. */
import {
  Adjustment,
  ApproveDay,
  Attachment,
  CheckDecision,
  ChildDay,
  ChildDayQuery,
  ChildRange,
  ChildRangeQuery,
  ChildRules,
  ChildRulesQuery,
  ClassDay,
  ClassDayReports,
  Collection,
  CollectionDesign,
  CollectionInput,
  CreatedItems,
  CreateItems,
  DayParams,
  Design,
  DesignFromItem,
  DesignInput,
  DesignPage,
  DesignQuery,
  ErrorBody,
  FeedbackInput,
  FrequentMistake,
  FrequentMistakesQuery,
  HomeworkItem,
  HomeworkSettings,
  HomeworkSettingsInput,
  Id,
  IdParams,
  ItemPatch,
  ItemQuery,
  LoadCheckRequest,
  LoadCheckResult,
  Mistake,
  MistakeInput,
  MistakeQuery,
  Ok,
  PublishedList,
  ReturnDay,
  RemindFamilies,
  RemindResult,
  SubmitDay,
  Todo,
} from '@shuangjian/contracts';
import { z } from 'zod';
import { sendDownload } from '../../platform/download';
import { AppError } from '../../platform/errors';
import { type App, trustedResponse } from '../../platform/http';
import { readAttachment, uploadAttachment } from './attachments.service';
import * as days from './days.service';
import * as familyReports from './family-reports.service';
import * as family from './family.service';
import * as items from './items.service';
import * as library from './library.service';
import { loadCheck } from './load-check.service';
import { registerReviewRoutes } from './review.routes';
import * as notebook from './notebook.service';
import * as notices from './notices.service';
import { todo } from './todo.service';
import { registerViewRoutes } from './views.routes';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['homework'];
const ok = { ok: true as const };

export function registerHomeworkRoutes(app: App) {
  registerReviewRoutes(app);
  // setting and the review chain
  app.post('/api/homework/load-check', { schema: { tags, summary: '作业量预检：各目标班级、日期的已布置总量与上限（含本条）', body: LoadCheckRequest, response: { 200: LoadCheckResult, ...errors } }, ...trustedResponse }, (req) =>
    loadCheck(req.ctx, req.body),
  );
  app.get('/api/homework/items', { schema: { tags, summary: '作业条目', querystring: ItemQuery, response: { 200: z.array(HomeworkItem), ...errors } } }, (req) =>
    items.listItems(req.ctx, req.query),
  );
  app.post('/api/homework/items', { schema: { tags, summary: '布置作业（可多班、多日：每日/每周/假期计划）', body: CreateItems, response: { 200: CreatedItems, ...errors } } }, (req) =>
    items.createItems(req.ctx, req.body),
  );
  app.get('/api/homework/items/:id', { schema: { tags, summary: '作业条目详情', params: IdParams, response: { 200: HomeworkItem, ...errors } } }, (req) =>
    items.getItem(req.ctx, req.params.id),
  );
  app.patch('/api/homework/items/:id', { schema: { tags, summary: '修改作业（审核中的作业回到审核起点）', params: IdParams, body: ItemPatch, response: { 200: HomeworkItem, ...errors } } }, (req) =>
    items.updateItem(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/homework/items/submit',
    { schema: { tags, summary: '提交草稿或退回的作业', body: z.object({ itemIds: z.array(Id).min(1).max(100) }), response: { 200: Ok, ...errors } } },
    async (req) => {
      await items.submitItems(req.ctx, req.body.itemIds);
      return ok;
    },
  );
  app.post('/api/homework/items/:id/withdraw', { schema: { tags, summary: '撤回作业', params: IdParams, response: { 200: HomeworkItem, ...errors } } }, (req) =>
    items.withdrawItem(req.ctx, req.params.id),
  );
  app.post('/api/homework/check', { schema: { tags, summary: '学科组长/年级组长审核内容：通过或退回', body: CheckDecision, response: { 200: Ok, ...errors } } }, async (req) => {
    await items.checkItems(req.ctx, req.body);
    return ok;
  });
  app.post(
    '/api/homework/items/:id/adjust',
    { schema: { tags, summary: '班主任协调：缩短、删减、调到另一天或退回（通知任课教师）', params: IdParams, body: Adjustment, response: { 200: HomeworkItem, ...errors } } },
    (req) => items.adjustItem(req.ctx, req.params.id, req.body),
  );
  app.get('/api/homework/todo', { schema: { tags, summary: '待办：草稿、退回、待审核、待协调、待审批', response: { 200: Todo, ...errors } } }, (req) => todo(req.ctx));

  // class days and publication
  app.get('/api/homework/days/:classId/:date', { schema: { tags, summary: '某班某日作业（协调视图）', params: DayParams, response: { 200: ClassDay, ...errors } } }, (req) =>
    days.getDay(req.ctx, req.params.classId, req.params.date),
  );
  app.post(
    '/api/homework/days/:classId/:date/submit',
    { schema: { tags, summary: '班主任提交当日作业（超量或含禁止内容不能提交）', params: DayParams, body: SubmitDay, response: { 200: ClassDay, ...errors } } },
    (req) => days.submitDay(req.ctx, req.params.classId, req.params.date, req.body.note),
  );
  app.post(
    '/api/homework/days/:classId/:date/remind',
    { schema: { tags, summary: '班主任提醒未填报的家庭填报（每个家庭每天一次）', params: DayParams, body: RemindFamilies, response: { 200: RemindResult, ...errors } } },
    (req) => notices.remindFamilies(req.ctx, req.params.classId, req.params.date, req.body),
  );
  app.post(
    '/api/homework/days/:classId/:date/approve',
    { schema: { tags, summary: '教务处审核通过并公示', params: DayParams, body: ApproveDay, response: { 200: ClassDay, ...errors } } },
    (req) => days.approveDay(req.ctx, req.params.classId, req.params.date, req.body.reason),
  );
  app.post(
    '/api/homework/days/:classId/:date/return',
    { schema: { tags, summary: '教务处退回班主任', params: DayParams, body: ReturnDay, response: { 200: ClassDay, ...errors } } },
    (req) => days.returnDay(req.ctx, req.params.classId, req.params.date, req.body.reason),
  );
  app.get(
    '/api/homework/notice/:classId/:date',
    { schema: { tags, summary: '作业公示（可打印），默认最新版本', params: DayParams, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }), response: { 200: PublishedList, ...errors } } },
    (req) => family.notice(req.ctx, req.params.classId, req.params.date, req.query.version),
  );
  app.get('/api/homework/settings/:id', { schema: { tags, summary: '学校的审核环节设置', params: IdParams, response: { 200: HomeworkSettings, ...errors } } }, (req) =>
    days.getSettings(req.ctx, req.params.id),
  );
  app.put(
    '/api/homework/settings/:id',
    { schema: { tags, summary: '设置学校的审核环节', params: IdParams, body: HomeworkSettingsInput, response: { 200: HomeworkSettings, ...errors } } },
    (req) => days.saveSettings(req.ctx, req.params.id, req.body),
  );

  // families
  app.get('/api/homework/child/day', { schema: { tags, summary: '孩子当日作业清单与填报（家长）', querystring: ChildDayQuery, response: { 200: ChildDay, ...errors } }, ...trustedResponse }, (req) =>
    family.childDay(req.ctx, req.query.studentId, req.query.date),
  );
  app.get('/api/homework/child/range', { schema: { tags, summary: '孩子一段时间的公示清单（每周安排、假期作业天天清）', querystring: ChildRangeQuery, response: { 200: ChildRange, ...errors } } }, (req) =>
    family.childRange(req.ctx, req.query.studentId, req.query.from, req.query.to),
  );
  app.put('/api/homework/feedback', { schema: { tags, summary: '家长一次填报：完成情况、用时、到就寝时间停止', body: FeedbackInput, response: { 200: ChildDay, ...errors } }, ...trustedResponse }, (req) =>
    family.saveFeedback(req.ctx, req.body),
  );
  app.get('/api/homework/child/rules', { schema: { tags, summary: '作业制度公示：孩子所在年级的作业规则（家长）', querystring: ChildRulesQuery, response: { 200: ChildRules, ...errors } } }, (req) =>
    familyReports.childRules(req.ctx, req.query.studentId),
  );
  app.get(
    '/api/homework/days/:classId/:date/reports',
    { schema: { tags, summary: '某班某日家长填报情况：已填报与未填报的孩子', params: DayParams, response: { 200: ClassDayReports, ...errors } } },
    (req) => familyReports.classDayReports(req.ctx, req.params.classId, req.params.date),
  );

  // views: class calendar, teacher's week, school overview, district dashboard, homes
  registerViewRoutes(app);

  // library
  app.get('/api/homework/designs', { schema: { tags, summary: '优质作业资源库检索', querystring: DesignQuery, response: { 200: DesignPage, ...errors } } }, (req) =>
    library.searchDesigns(req.ctx, req.query),
  );
  app.get('/api/homework/designs/:id', { schema: { tags, summary: '作业设计详情', params: IdParams, response: { 200: Design, ...errors } } }, (req) =>
    library.getDesign(req.ctx, req.params.id),
  );
  app.post('/api/homework/designs', { schema: { tags, summary: '新建作业设计', body: DesignInput, response: { 200: Design, ...errors } } }, (req) => library.createDesign(req.ctx, req.body));
  app.post('/api/homework/designs/from-item', { schema: { tags, summary: '把作业保存为作业设计', body: DesignFromItem, response: { 200: Design, ...errors } } }, (req) =>
    library.designFromItem(req.ctx, req.body),
  );
  app.put('/api/homework/designs/:id', { schema: { tags, summary: '修改作业设计', params: IdParams, body: DesignInput, response: { 200: Design, ...errors } } }, (req) =>
    library.updateDesign(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/homework/designs/:id/excellent',
    { schema: { tags, summary: '标记/取消优秀作业设计', params: IdParams, body: z.object({ excellent: z.boolean() }), response: { 200: Design, ...errors } } },
    (req) => library.markExcellent(req.ctx, req.params.id, req.body.excellent),
  );
  app.get('/api/homework/collections', { schema: { tags, summary: '优秀作业设计集', response: { 200: z.array(Collection), ...errors } } }, (req) => library.listCollections(req.ctx));
  app.post('/api/homework/collections', { schema: { tags, summary: '新建作业设计集', body: CollectionInput, response: { 200: Collection, ...errors } } }, (req) =>
    library.createCollection(req.ctx, req.body),
  );
  app.post(
    '/api/homework/collections/:id/designs',
    { schema: { tags, summary: '加入作业设计集', params: IdParams, body: CollectionDesign, response: { 200: Collection, ...errors } } },
    (req) => library.addToCollection(req.ctx, req.params.id, req.body.designId),
  );
  app.delete(
    '/api/homework/collections/:id/designs/:designId',
    { schema: { tags, summary: '移出作业设计集', params: z.object({ id: Id, designId: Id }), response: { 200: Collection, ...errors } } },
    (req) => library.removeFromCollection(req.ctx, req.params.id, req.params.designId),
  );

  // error notebook
  app.get('/api/homework/mistakes', { schema: { tags, summary: '孩子的错题本', querystring: MistakeQuery, response: { 200: z.array(Mistake), ...errors } } }, (req) =>
    notebook.listMistakes(req.ctx, req.query.studentId),
  );
  app.post('/api/homework/mistakes', { schema: { tags, summary: '记一道错题', body: MistakeInput, response: { 200: Mistake, ...errors } } }, (req) => notebook.addMistake(req.ctx, req.body));
  app.post('/api/homework/mistakes/:id/resolve', { schema: { tags, summary: '错题已掌握', params: IdParams, response: { 200: Mistake, ...errors } } }, (req) =>
    notebook.resolveMistake(req.ctx, req.params.id),
  );
  app.get(
    '/api/homework/mistakes/frequent',
    { schema: { tags, summary: '班级高频错题', querystring: FrequentMistakesQuery, response: { 200: z.array(FrequentMistake), ...errors } } },
    (req) => notebook.frequentMistakes(req.ctx, req.query.classId, req.query.from, req.query.to),
  );

  // attachments
  app.post(
    '/api/homework/attachments',
    { schema: { tags, summary: '上传作业附件（≤ 10 MB）', consumes: ['multipart/form-data'], response: { 200: Attachment, 413: ErrorBody, 415: ErrorBody, ...errors } } },
    async (req) => {
      if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '文件（file）：请以 multipart/form-data 上传');
      const file = await req.file();
      if (!file) throw new AppError(400, 'VALIDATION', '文件（file）：请选择文件');
      const data = await file.toBuffer();
      return uploadAttachment(req.ctx, { filename: file.filename, data });
    },
  );
  app.get('/api/homework/attachments/:id', { schema: { tags, summary: '下载作业附件', params: IdParams, response: errors } }, async (req, reply) => {
    const file = await readAttachment(req.ctx, req.params.id);
    return sendDownload(reply, file);
  });
}
