/** HTTP routes of the after-school module's money area: bills, waivers, subsidy and costs, payments, settlement. */
import {
  ChildBills,
  ChildBillsQuery,
  ErrorBody,
  Fund,
  FundInput,
  FundList,
  GenerateBillsInput,
  GenerateBillsResult,
  IdParams,
  MatchPaymentInput,
  MonthBills,
  MonthQuery,
  Ok,
  Payment,
  PaymentImportErrors,
  PaymentImportQuery,
  PaymentImportResult,
  PaymentInput,
  PaymentReversalResult,
  PaymentPage,
  PaymentsQuery,
  ReversePaymentInput,
  SemesterQuery,
  SettleInput,
  Settlement,
  SettlementQuery,
  Waiver,
  WaiverInput,
  WaiverList,
} from '@shuangjian/contracts';
import { AppError } from '../../platform/errors';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { billsWorkbook, childBills, generateMonth, monthBills } from './bills.service';
import { addWaiver, listFunds, listWaivers, recordFund, revokeWaiver } from './funds.service';
import { reversePayment } from './payment-reversal.service';
import { importPayments, listPayments, matchPayment, paymentTemplate, recordPayment } from './payments.service';
import { getSettlement, settlementWorkbook, settlePeriod } from './settlement.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['after-school'];
const base = '/api/after-school/money';

export function registerMoneyRoutes(app: App): void {
  app.get(
    `${base}/bills`,
    { schema: { tags, summary: '课后服务月账单：每个孩子的服务费、减免、退费、代收费与缴费（财务）', querystring: MonthQuery, response: { 200: MonthBills, ...errors } } },
    (req) => monthBills(req.ctx, req.query.schoolId, req.query.month),
  );
  app.post(
    `${base}/bills/generate`,
    {
      schema: {
        tags,
        summary: '生成（或重新生成）一个月的账单：已有缴费的账单保持不变',
        body: GenerateBillsInput,
        response: { 200: GenerateBillsResult, ...errors },
      },
    },
    (req) => generateMonth(req.ctx, req.body),
  );
  app.get(
    `${base}/bills/export`,
    { schema: { tags, summary: '导出月账单（.xlsx）', querystring: MonthQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await billsWorkbook(req.ctx, req.query.schoolId, req.query.month)),
  );
  app.get(
    `${base}/waivers`,
    { schema: { tags, summary: '减免名单：减免类别与本学期享受减免的学生', querystring: SemesterQuery, response: { 200: WaiverList, ...errors } } },
    (req) => listWaivers(req.ctx, req.query.schoolId, req.query.semesterId),
  );
  app.post(
    `${base}/waivers`,
    { schema: { tags, summary: '把学生列入减免名单', body: WaiverInput, response: { 200: Waiver, ...errors } } },
    (req) => addWaiver(req.ctx, req.body),
  );
  app.delete(
    `${base}/waivers/:id`,
    { schema: { tags, summary: '移出减免名单', params: IdParams, response: { 200: Ok, ...errors } } },
    (req) => revokeWaiver(req.ctx, req.params.id),
  );
  app.get(
    `${base}/funds`,
    { schema: { tags, summary: '本学期财政奖补与成本', querystring: SemesterQuery, response: { 200: FundList, ...errors } } },
    (req) => listFunds(req.ctx, req.query.schoolId, req.query.semesterId),
  );
  app.post(
    `${base}/funds`,
    { schema: { tags, summary: '登记财政奖补或成本', body: FundInput, response: { 200: Fund, ...errors } } },
    (req) => recordFund(req.ctx, req.body),
  );
  app.get(
    `${base}/payments`,
    { schema: { tags, summary: '缴费记录（分页，含总数；某月，或未匹配的流水；最近缴费在前）', querystring: PaymentsQuery, response: { 200: PaymentPage, ...errors } } },
    (req) => listPayments(req.ctx, req.query),
  );
  app.post(
    `${base}/payments`,
    {
      schema: {
        tags,
        summary: '登记一笔缴费（带 Idempotency-Key 重试只记一次）',
        body: PaymentInput,
        response: { 200: Payment, ...errors },
      },
    },
    (req) => recordPayment(req.ctx, req.body),
  );
  app.post(
    `${base}/payments/import`,
    {
      schema: {
        tags,
        summary: '导入银行或支付平台流水（.xlsx 或 .csv）：有错误整份不导入；同一流水号不重复记录',
        description: 'multipart/form-data，字段 file 为 .xlsx 或 .csv 文件；列：交易时间、金额、付款人、备注（学生姓名或学号）、流水号。',
        consumes: ['multipart/form-data'],
        querystring: PaymentImportQuery,
        response: { 200: PaymentImportResult, 413: ErrorBody, 415: ErrorBody, ...errors, 422: PaymentImportErrors.or(ErrorBody) },
      },
    },
    (req) =>
      importPayments(req.ctx, req.query.schoolId, async () => {
        if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '文件（file）：请以 multipart/form-data 上传 .xlsx 或 .csv 文件');
        const file = await req.file();
        if (!file) throw new AppError(400, 'VALIDATION', '文件（file）：请选择要上传的流水文件');
        return { buffer: await file.toBuffer(), fileName: file.filename };
      }),
  );
  app.get(
    `${base}/payments/template`,
    { schema: { tags, summary: '下载缴费流水导入模板（.xlsx，含填写说明）', querystring: PaymentImportQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await paymentTemplate(req.ctx, req.query.schoolId)),
  );
  app.post(
    `${base}/payments/:id/reverse`,
    {
      schema: {
        tags,
        summary: '冲正一笔登记错误的缴费（金额错、家庭错、重复登记）：不删除不修改，记录原因，退回它冲抵的账单金额',
        description: '已结算期间的数字不会被改动：返回 resettle 列出因此需要重新结算（生成新版本）的期间。同一笔缴费只能冲正一次（409）。',
        params: IdParams,
        body: ReversePaymentInput,
        response: { 200: PaymentReversalResult, ...errors },
      },
    },
    (req) => reversePayment(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    `${base}/payments/:id/match`,
    { schema: { tags, summary: '把未匹配的流水匹配到学生', params: IdParams, body: MatchPaymentInput, response: { 200: Payment, ...errors } } },
    (req) => matchPayment(req.ctx, req.params.id, req.body.studentId),
  );
  app.get(
    `${base}/settlement`,
    { schema: { tags, summary: '结算：学期或月份（已保存的最新版本，未保存时为当前数字）', querystring: SettlementQuery, response: { 200: Settlement, ...errors } } },
    (req) => getSettlement(req.ctx, req.query),
  );
  app.post(
    `${base}/settlement`,
    { schema: { tags, summary: '结算并保存：收入减退费、成本、机构课时费，余额按服务分钟分配给教师', body: SettleInput, response: { 200: Settlement, ...errors } } },
    (req) => settlePeriod(req.ctx, req.body),
  );
  app.get(
    `${base}/settlement/export`,
    { schema: { tags, summary: '导出结算单（汇总、教师、机构，.xlsx）', querystring: SettlementQuery, response: errors } },
    async (req, reply) => sendXlsx(reply, await settlementWorkbook(req.ctx, req.query)),
  );
  app.get(
    `${base}/child`,
    { schema: { tags, summary: '孩子的课后服务账单与缴费（家长）', querystring: ChildBillsQuery, response: { 200: ChildBills, ...errors } } },
    (req) => childBills(req.ctx, req.query.studentId),
  );
}
