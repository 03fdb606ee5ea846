/** HTTP routes of the after-school module's survey area (满意度调查). */
import {
  ErrorBody,
  FamilySurveyList,
  FamilySurveyQuery,
  IdParams,
  Ok,
  Survey,
  SurveyAnswerInput,
  SurveyAnswered,
  SurveyInput,
  SurveyList,
  SurveyResults,
  SurveyResultsQuery,
  SurveyTextPage,
  SurveyTextsQuery,
} from '@shuangjian/contracts';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { surveyResults, surveyResultsWorkbook, surveyTexts } from './survey-results.service';
import * as survey from './survey.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['after-school'];

export function registerSurveyRoutes(app: App): void {
  app.get('/api/after-school/surveys', { schema: { tags, summary: '满意度调查列表（区教育局、学校）', response: { 200: SurveyList, ...errors } } }, (req) =>
    survey.listSurveys(req.ctx),
  );
  app.post(
    '/api/after-school/surveys',
    { schema: { tags, summary: '新建调查问卷（草稿）：题目、调查对象、开放日期', body: SurveyInput, response: { 200: Survey, ...errors } } },
    (req) => survey.createSurvey(req.ctx, req.body),
  );
  app.get('/api/after-school/surveys/family', { schema: { tags, summary: '发给家长的问卷（按孩子）', querystring: FamilySurveyQuery, response: { 200: FamilySurveyList, ...errors } } }, (req) =>
    survey.familySurveys(req.ctx, req.query.studentId),
  );
  app.get('/api/after-school/surveys/:id', { schema: { tags, summary: '一份调查', params: IdParams, response: { 200: Survey, ...errors } } }, (req) =>
    survey.getSurvey(req.ctx, req.params.id),
  );
  app.put(
    '/api/after-school/surveys/:id',
    { schema: { tags, summary: '修改调查草稿', params: IdParams, body: SurveyInput, response: { 200: Survey, ...errors } } },
    (req) => survey.updateSurvey(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/after-school/surveys/:id', { schema: { tags, summary: '删除调查草稿', params: IdParams, response: { 200: Ok, ...errors } } }, (req) =>
    survey.deleteSurvey(req.ctx, req.params.id),
  );
  app.post('/api/after-school/surveys/:id/send', { schema: { tags, summary: '发送调查：通知调查对象的家长', params: IdParams, response: { 200: Survey, ...errors } } }, (req) =>
    survey.sendSurvey(req.ctx, req.params.id),
  );
  app.post(
    '/api/after-school/surveys/:id/answers',
    { schema: { tags, summary: '家长为孩子填写问卷（每个孩子一次，匿名）', params: IdParams, body: SurveyAnswerInput, response: { 200: SurveyAnswered, ...errors } } },
    (req) => survey.answerSurvey(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/after-school/surveys/:id/results',
    {
      schema: {
        tags,
        summary: '调查结果（按学校、年级或课程；答卷不足最少份数的分组不显示；文字题带第一页回答和总数）',
        params: IdParams,
        querystring: SurveyResultsQuery,
        response: { 200: SurveyResults, ...errors },
      },
    },
    (req) => surveyResults(req.ctx, req.params.id, req.query.groupBy),
  );
  app.get(
    '/api/after-school/surveys/:id/texts',
    {
      schema: {
        tags,
        summary: '一道文字题在一个分组的回答（分页，含总数；答卷不足最少份数的分组不显示）',
        params: IdParams,
        querystring: SurveyTextsQuery,
        response: { 200: SurveyTextPage, ...errors },
      },
    },
    (req) => surveyTexts(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/api/after-school/surveys/:id/results.xlsx',
    { schema: { tags, summary: '导出调查结果（Excel，含全部文字回答，最多 5 万行）', params: IdParams, querystring: SurveyResultsQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await surveyResultsWorkbook(req.ctx, req.params.id, req.query.groupBy)),
  );
}
