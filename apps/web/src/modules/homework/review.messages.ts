/** Strings of the review chain's second pass: what stops a day, the proposed cut, batch approval, copying a week, mandatory steps, the policy editors. */

// each key once, zh-CN first and English beside it
const messages: Record<string, [zh: string, en: string]> = {
  // load figures
  'hwr.load.nonWritten': ['非书面 {n} 分钟', 'Non-written {n} min'],
  'hwr.load.nonWrittenOfCap': ['非书面 {n} / {cap} 分钟', 'Non-written {n} / {cap} min'],
  'hwr.load.noWrittenGrade': ['{grade}年级不布置家庭书面作业', 'Grade {grade}: no written homework at home'],
  'hwr.load.blocked': ['{n} 个班级日超出上限或违反规定：须先缩短、删减或修改，才能公示', '{n} class-day(s) over the limit or breaking a rule: shorten, drop or change first, then it can be published'],
  'hwr.load.blockedHint': [
    '提交审核后由班主任协调（缩短、删减、调到另一天或退回）；也可以现在就按下面的建议调整本条。',
    'After you submit, the class teacher coordinates (shorten, drop, move or return); or adjust this item now as suggested below.',
  ],
  'hwr.load.fitThis': ['超出 {over} 分钟：本条改为 {n} 分钟即可在上限内', '{over} min over: {n} min for this item keeps the day within the limit'],
  'hwr.load.fitApply': ['改为 {n} 分钟', 'Set to {n} min'],
  'hwr.load.cutNeeded': ['须缩短或删减 {n} 分钟才能公示', 'Shorten or drop {n} min before it can be published'],

  // what stops a day from being submitted (the submit button says it)
  'hwr.block.over': ['超出上限：须先缩短或删减 {n} 分钟才能提交', 'Over the limit: shorten or drop {n} min before submitting'],
  'hwr.block.rules': ['有 {n} 处违反规定：须先删减、退回或修改才能提交', '{n} rule violation(s): drop, return or change first, then submit'],
  'hwr.block.pending': ['{subjects}待学科组长审核：审核后才能提交', '{subjects} await the content check: submit once checked'],
  'hwr.block.empty': ['当天没有可提交的作业', 'Nothing to submit for this day'],

  // the proposed cut
  'hwr.cut.propose': [
    '建议：把{subject}（{teacher}）由 {from} 分钟缩短为 {to} 分钟，当日书面作业合计 {total} / {limit} 分钟，在上限内',
    'Suggestion: shorten {subject} ({teacher}) from {from} to {to} min; the day then totals {total} / {limit} min, within the limit',
  ],
  'hwr.cut.none': ['须缩短或删减 {n} 分钟：没有一条作业能单独缩短这么多，请删减或调走一条', 'Shorten or drop {n} min: no single item can take the whole cut, so drop or move one'],
  'hwr.cut.apply': ['按建议把{subject}缩短为 {n} 分钟', 'Shorten {subject} to {n} min'],
  'hwr.cut.proposed': ['建议 {n} 分钟（当日刚好在上限内），最多 {max} 分钟', 'Suggested: {n} min (the day just within the limit); at most {max}'],
  'hwr.cut.previewOk': ['缩短后当日书面作业合计 {total} / {limit} 分钟，在上限内', 'After the cut the day totals {total} / {limit} min, within the limit'],
  'hwr.cut.previewOver': ['缩短后当日书面作业合计 {total} / {limit} 分钟，仍超出 {n} 分钟', 'After the cut the day totals {total} / {limit} min, still {n} min over'],

  // batch approval
  'hwr.batch.selectReady': ['全选可审核的（{n}）', 'Select all ready ({n})'],
  'hwr.batch.approve': ['批量通过并公示（{n}）', 'Approve and publish ({n})'],
  'hwr.batch.confirm': ['将公示 {n} 个班级日的作业清单，确定吗？', 'Publish the lists of {n} class-day(s)?'],
  'hwr.batch.done': ['已审核通过并公示 {n} 个班级日', '{n} class-day(s) approved and published'],
  'hwr.batch.all': ['已公示 {n} 个班级日', '{n} class-day(s) published'],
  'hwr.batch.partly': ['已公示 {n} 个班级日，{m} 个不能通过：', '{n} class-day(s) published, {m} could not be:'],
  'hwr.batch.breaks': ['违反规定 {n} 处：请打开审核或退回', '{n} rule violation(s): open it to return it'],

  // the content check
  'hwr.check.classDay': ['该班当日总量', "Class's day"],
  'hwr.check.dayBreaks': ['{n} 处违规', '{n} violation(s)'],
  'hwr.check.pass': ['通过', 'Approve'],
  'hwr.check.approveTitle': ['通过 {n} 条作业', 'Approve {n} item(s)'],
  'hwr.check.comment': ['意见（可不填）', 'Comment (optional)'],
  'hwr.check.commentHint': ['填写的意见会通知任课教师。', 'A comment is sent to the teacher.'],

  // copy last week's
  'hwr.copy.open': ['复制上周作业', "Copy last week's"],
  'hwr.copy.title': ['复制上周作业', "Copy last week's homework"],
  'hwr.copy.toWeek': ['复制到', 'Copy to the week of'],
  'hwr.copy.hint': ['把 {from} 那一周您布置的作业，按星期复制到 {to} 那一周；已经过去的日子和节假日不复制。', 'Your homework of the week of {from}, set again on the same weekdays of the week of {to}; days gone by and holidays are left out.'],
  'hwr.copy.nothing': ['那一周所选班级没有您布置的作业', 'You set nothing for these classes that week'],
  'hwr.copy.ok': ['复制后各班当天作业量均在上限内', 'With the copies every class-day stays within the limit'],
  'hwr.copy.blocked': ['复制后 {n} 个班级日超出上限或违反规定', 'With the copies {n} class-day(s) go over the limit or break a rule'],
  'hwr.copy.blockedHint': ['可以存为草稿再逐条修改；提交后须由班主任协调解决才能公示。', 'Keep them as drafts and edit; once submitted, the class teacher must resolve it before publication.'],
  'hwr.copy.asDrafts': ['存为草稿（{n}）', 'Save as drafts ({n})'],
  'hwr.copy.submit': ['复制并提交审核（{n}）', 'Copy and submit ({n})'],
  'hwr.copy.drafted': ['已复制 {n} 条作业，存为草稿', '{n} item(s) copied as drafts'],
  'hwr.copy.submitted': ['已复制 {n} 条作业并提交审核', '{n} item(s) copied and submitted'],
  'hwr.copy.skipped': ['{n} 条未复制：{reasons}', '{n} left out: {reasons}'],

  // policy settings of the review chain
  'hwr.policy.parentWords': ['家长类词语', 'Parent words'],
  'hwr.policy.actionWords': ['检查、批改、签字、代阅类词语', 'Check / mark / sign / read-for words'],
  'hwr.policy.maxGap': ['最多间隔字数', 'Most characters between'],
  'hwr.policy.maxGapHint': ['同一分句内，两类词语之间最多相隔的字数', 'Within one clause'],
  'hwr.policy.maxGapValue': ['同一分句内，两类词语之间最多相隔 {n} 个字即视为要求家长检查批改', 'Matched when at most {n} characters apart within one clause'],
  'hwr.policy.negations': ['否定词（紧挨家长类词语之前时不算）', 'Negations (just before the parent word, no match)'],
  'hwr.policy.negationsHint': ['例如“无需家长签字”不算违规', 'e.g. "无需家长签字" (no signature needed) is allowed'],
  'hwr.policy.patternsCompact': ['家长类 {parents} 个 × 行为类 {actions} 个，间隔 ≤ {gap} 字', '{parents} parent × {actions} action words, gap ≤ {gap}'],
  'hwr.policy.wordsRequired': ['至少一个词语', 'At least one word'],
  'hwr.policy.join': ['、', ', '],
  'hwr.policy.noGrades': ['无（各年级均可布置家庭书面作业）', 'None (every grade may have written homework at home)'],
  'hwr.policy.noWrittenGrades': ['不布置家庭书面作业的年级', 'Grades with no written homework at home'],
  'hwr.policy.noWrittenGradesHint': ['国家规定：一、二年级不布置家庭书面作业，可在校内适当安排巩固练习', 'National rule: grades 1–2 get no written homework at home'],
  'hwr.policy.noCaps': ['未设上限', 'No cap'],
  'hwr.policy.capsLabel': ['每日非书面作业上限（分钟）', 'Daily non-written cap (minutes)'],
  'hwr.policy.capsHint': ['只计必做的非书面作业（阅读、实践、体育锻炼等），选做不计；留空为不设上限', 'Required non-written homework only (reading, practical, exercise …); empty: no cap'],
  'hwr.policy.mandatorySteps': ['必经的审核环节', 'Mandatory review steps'],
  'hwr.policy.mandatoryStepsHint': ['勾选的环节各校都必须执行，学校只能增设、不能关闭', 'Every school runs the ticked steps; schools may add steps, never drop these'],
  'hwr.policy.noSteps': ['无（由各校自定）', 'None (each school chooses)'],

  // review steps
  'hwr.settings.mandatory': ['区级必经环节', 'Required by the district'],
  'hwr.settings.mandatoryHint': ['标有锁的环节是区教育局规定的必经环节，学校不能关闭。', 'Steps marked with a lock are required by the district and cannot be switched off.'],
};

export const homeworkReviewMessages = {
  'zh-CN': Object.fromEntries(Object.entries(messages).map(([k, [zh]]) => [k, zh])) as Record<string, string>,
  en: Object.fromEntries(Object.entries(messages).map(([k, [, en]]) => [k, en])) as Record<string, string>,
};
