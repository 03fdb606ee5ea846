/** HTTP routes of the exams module's exams area: rules in force, filings (refused ones are violations), levels, a family's view. */
import {
  ErrorBody,
  ExamFiling,
  ExamFilingInput,
  ExamFilingList,
  ExamFilingQuery,
  ExamResultSheet,
  ExamResultsInput,
  ExamResultsQuery,
  ExamRulesQuery,
  ExamRuleTexts,
  ExamSummary,
  FamilyLevels,
  FamilyLevelsQuery,
  IdParams,
} from '@shuangjian/contracts';
import type { App } from '../../platform/http';
import * as family from './exams-family.service';
import * as filings from './exams-filings.service';
import * as results from './exams-results.service';
import * as rules from './exams-rules.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['exams'];

export function registerExamsRoutes(app: App): void {
  app.get(
    '/api/exams/rules',
    { schema: { tags, summary: '某日施行的考试管理规则（文字、设置项与政策版本），备案表单展示', querystring: ExamRulesQuery, response: { 200: ExamRuleTexts, ...errors } } },
    (req) => rules.ruleTextsAt(req.ctx, req.query.on),
  );
  app.get(
    '/api/exams/filings',
    { schema: { tags, summary: '考试备案（学校只见本校与区县的；可按学期、学校、状态筛选，status=refused 为违规记录）', querystring: ExamFilingQuery, response: { 200: ExamFilingList, ...errors } } },
    (req) => filings.listExams(req.ctx, req.query),
  );
  app.get(
    '/api/exams/filings/:id',
    { schema: { tags, summary: '一次考试备案', params: IdParams, response: { 200: ExamFiling, ...errors } } },
    (req) => filings.getExam(req.ctx, req.params.id),
  );
  app.post(
    '/api/exams/filings',
    { schema: { tags, summary: '备案一次考试（按考试日期施行的规则检查；违规的拒绝并记录违规）', body: ExamFilingInput, response: { 200: ExamFiling, ...errors } } },
    (req) => filings.fileExam(req.ctx, req.body),
  );
  app.put(
    '/api/exams/filings/:id',
    { schema: { tags, summary: '考试日期前修改备案（重新检查；违规的修改被拒绝并记录违规）', params: IdParams, body: ExamFilingInput, response: { 200: ExamFiling, ...errors } } },
    (req) => filings.updateExam(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/exams/filings/:id/cancel',
    { schema: { tags, summary: '考试日期前取消备案', params: IdParams, response: { 200: ExamFiling, ...errors } } },
    (req) => filings.cancelExam(req.ctx, req.params.id),
  );
  app.get(
    '/api/exams/filings/:id/results',
    { schema: { tags, summary: '一个班一个学科的等级（按学号排列，只有各等级人数，无排名）', params: IdParams, querystring: ExamResultsQuery, response: { 200: ExamResultSheet, ...errors } } },
    (req) => results.getResultSheet(req.ctx, req.params.id, req.query),
  );
  app.put(
    '/api/exams/filings/:id/results',
    { schema: { tags, summary: '任课教师录入一个班一个学科的等级（可输入分数即时折算为等级，分数不保存）', params: IdParams, body: ExamResultsInput, response: { 200: ExamResultSheet, ...errors } } },
    (req) => results.recordResults(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/exams/filings/:id/summary',
    { schema: { tags, summary: '各班各学科各等级人数（不涉及学生个人，不排序）', params: IdParams, response: { 200: ExamSummary, ...errors } } },
    (req) => results.examSummary(req.ctx, req.params.id),
  );
  app.get(
    '/api/exams/family/levels',
    { schema: { tags, summary: '家长查看自己孩子各次考试各学科的等级', querystring: FamilyLevelsQuery, response: { 200: FamilyLevels, ...errors } } },
    (req) => family.familyLevels(req.ctx, req.query.studentId),
  );
}
