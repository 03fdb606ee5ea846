/** HTTP routes of the training module's custody area: orders, lessons and consumptions, refunds, deposits, the ledger's views. */
import {
  Consumption,
  ConsumeInput,
  CustodySummary,
  Deposit,
  DepositInput,
  DepositList,
  DepositsQuery,
  DisputeInput,
  ErrorBody,
  FamilyOrder,
  FamilyOrders,
  FamilyQuery,
  IdParams,
  InstitutionCourses,
  InstitutionMoney,
  InstitutionOrders,
  InstitutionOrdersQuery,
  InstitutionQuery,
  LessonList,
  LessonsQuery,
  PackagesForSale,
  PayRefundInput,
  PlaceOrderInput,
  RecordLessonInput,
  RecordLessonResult,
  Refund,
  RefundList,
  RefundRequestInput,
  RefundsQuery,
  StandardContract,
  TransferJournal,
  TransfersQuery,
} from '@shuangjian/contracts';
import { sendXlsx } from '../../platform/excel';
import type { App } from '../../platform/http';
import { confirmConsumption, consumeOne, disputeConsumption, listLessons, recordLesson } from './consumption.service';
import { STANDARD_CONTRACT } from './custody-contract';
import { custodySummary, institutionMoney, transferJournal, transferWorkbook } from './custody-summary.service';
import { familyOrders, institutionCourses, institutionOrders, packagesForSale, placeOrder } from './orders.service';
import { listDeposits, listRefunds, payRefund, recordDeposit, requestRefund } from './refunds.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['training'];

export function registerCustodyRoutes(app: App): void {
  // the family
  app.get('/api/training/contract', { schema: { tags, summary: '合同示范文本（版本与 SHA-256）', response: { 200: StandardContract, ...errors } } }, () => STANDARD_CONTRACT);
  app.get('/api/training/family/packages', { schema: { tags, summary: '可购买的课时包（已备案、机构正常经营）', querystring: FamilyQuery, response: { 200: PackagesForSale, ...errors } } }, (req) =>
    packagesForSale(req.ctx, req.query.studentId),
  );
  app.post('/api/training/orders', { schema: { tags, summary: '购买课时包（同意合同示范文本；费用进入托管账户）', body: PlaceOrderInput, response: { 200: FamilyOrder, ...errors } } }, (req) =>
    placeOrder(req.ctx, req.body),
  );
  app.get('/api/training/family/orders', { schema: { tags, summary: '孩子的培训订单、课消与退费', querystring: FamilyQuery, response: { 200: FamilyOrders, ...errors } } }, (req) =>
    familyOrders(req.ctx, req.query.studentId),
  );
  app.post('/api/training/consumptions/:id/confirm', { schema: { tags, summary: '家长确认课消（划拨该课时费用给机构）', params: IdParams, response: { 200: Consumption, ...errors } } }, (req) =>
    confirmConsumption(req.ctx, req.params.id),
  );
  app.post('/api/training/consumptions/:id/dispute', { schema: { tags, summary: '家长对课消提出异议（课时退回，不划拨）', params: IdParams, body: DisputeInput, response: { 200: Consumption, ...errors } } }, (req) =>
    disputeConsumption(req.ctx, req.params.id, req.body),
  );
  app.post('/api/training/orders/:id/refund', { schema: { tags, summary: '申请退还未消课时费用', params: IdParams, body: RefundRequestInput, response: { 200: Refund, ...errors } } }, (req) =>
    requestRefund(req.ctx, req.params.id, req.body),
  );

  // the institution
  app.get('/api/training/institution/orders', { schema: { tags, summary: '机构的订单（分页，新下单的在前；按状态、课程、有无剩余课时、订单号或学生姓名筛选）', querystring: InstitutionOrdersQuery, response: { 200: InstitutionOrders, ...errors } } }, (req) =>
    institutionOrders(req.ctx, req.query),
  );
  app.get('/api/training/institution/courses', { schema: { tags, summary: '机构有订单的课程（订单数、在读订单数）', querystring: InstitutionQuery, response: { 200: InstitutionCourses, ...errors } } }, (req) =>
    institutionCourses(req.ctx, req.query.institutionId),
  );
  app.get('/api/training/institution/summary', { schema: { tags, summary: '机构资金概况（托管、已划拨、待确认、退费）', querystring: InstitutionQuery, response: { 200: InstitutionMoney, ...errors } } }, (req) =>
    institutionMoney(req.ctx, req.query.institutionId),
  );
  app.get('/api/training/lessons', { schema: { tags, summary: '机构的上课记录（分页，最近的在前；可按日期范围）', querystring: LessonsQuery, response: { 200: LessonList, ...errors } } }, (req) => listLessons(req.ctx, req.query));
  app.post('/api/training/lessons', { schema: { tags, summary: '登记上课（到课学生各消一课时，待家长确认）', body: RecordLessonInput, response: { 200: RecordLessonResult, ...errors } } }, (req) =>
    recordLesson(req.ctx, req.body),
  );
  app.post('/api/training/lessons/:id/consume', { schema: { tags, summary: '为已登记的课补记一名到课学生', params: IdParams, body: ConsumeInput, response: { 200: Consumption, ...errors } } }, (req) =>
    consumeOne(req.ctx, req.params.id, req.body),
  );

  // refunds, deposits, the district's view of the ledger
  app.get('/api/training/refunds', { schema: { tags, summary: '退费申请（分页，新申请的在前；按机构、状态、是否逾期筛选）', querystring: RefundsQuery, response: { 200: RefundList, ...errors } } }, (req) => listRefunds(req.ctx, req.query));
  app.post('/api/training/refunds/:id/pay', { schema: { tags, summary: '退费办结（由托管账户退还）', params: IdParams, body: PayRefundInput, response: { 200: Refund, ...errors } } }, (req) =>
    payRefund(req.ctx, req.params.id, req.body),
  );
  app.get('/api/training/deposits', { schema: { tags, summary: '风险保证金记录', querystring: DepositsQuery, response: { 200: DepositList, ...errors } } }, (req) => listDeposits(req.ctx, req.query));
  app.post('/api/training/deposits', { schema: { tags, summary: '登记风险保证金缴存或退还', body: DepositInput, response: { 200: Deposit, ...errors } } }, (req) => recordDeposit(req.ctx, req.body));
  app.get('/api/training/custody/summary', { schema: { tags, summary: '各机构资金监管汇总（托管、划拨、退费、应保障、覆盖率）', response: { 200: CustodySummary, ...errors } } }, (req) =>
    custodySummary(req.ctx),
  );
  app.get('/api/training/custody/transfers', { schema: { tags, summary: '资金流水（筛选、分页）', querystring: TransfersQuery, response: { 200: TransferJournal, ...errors } } }, (req) =>
    transferJournal(req.ctx, req.query),
  );
  app.get('/api/training/custody/transfers.xlsx', { schema: { tags, summary: '导出资金流水（.xlsx）', querystring: TransfersQuery, response: errors } }, async (req, reply) =>
    sendXlsx(reply, await transferWorkbook(req.ctx, req.query)),
  );
}
