/**
 * 合同示范文本: the standard contract a family accepts when buying a package, after the national model contract for
 * off-campus training (中小学生校外培训服务合同（示范文本）), abridged to the clauses the platform enforces. Versioned:
 * a new text is a new version with a new hash; an order records the version and hash the family accepted.
 */
import { createHash } from 'node:crypto';
import type { StandardContract } from '@shuangjian/contracts';

const VERSION = '2026-1';
const TITLE = '中小学生校外培训服务合同（示范文本）';
const TEXT = `甲方（家长）与乙方（培训机构）就学生参加乙方校外培训服务订立本合同。

第一条 培训内容：课程名称、课时数、每课时时长、授课方式与收费以所购课时包为准，均经教育行政部门备案。
第二条 收费：乙方一次收取的费用不超过 3 个月或 60 课时的费用（以区县政策为准），不得以任何形式变相收取超期费用。
第三条 资金监管：甲方所付培训费全额进入乙方在监管银行开设的托管专户（或乙方按规定缴存风险保证金），由区县教育行政部门监管。
第四条 一课一消：乙方每完成一课时，由乙方登记上课记录，甲方在手机上确认或提出异议；甲方未在规定时间内处理的视为确认。确认后该课时费用由托管专户划拨给乙方。
第五条 退费：甲方可随时申请退还未消课时的费用；乙方应在规定期限内退还，逾期未退的由监管部门督办。
第六条 乙方义务：遵守课程时长、结束时间、节假日等培训规定；机构停业、暂停或注销的，应立即停止收费并退还未消课时费用。
第七条 争议：双方协商解决；协商不成的，可向教育行政部门投诉或依法诉讼。

本合同以电子方式订立，甲方在平台勾选同意即视为签署；合同版本与文本指纹随订单保存。`;

export const STANDARD_CONTRACT: StandardContract = {
  version: VERSION,
  title: TITLE,
  text: TEXT,
  sha256: createHash('sha256').update(TEXT).digest('hex'),
};
