/** Strings of the generic policy editor and value view (keys 'pse.*'): units, rows, and the words of the settings' options. */
import { addMessages } from '../../../../app/i18n';

// each key once, zh-CN first and English beside it
const messages: Record<string, [zh: string, en: string]> = {
  'pse.value': ['取值', 'Value'],
  'pse.yuan': ['元', 'yuan'],
  'pse.unitYuan': ['（元）', ' (yuan)'],
  'pse.unitPercent': ['（%）', ' (%)'],
  'pse.yes': ['是', 'Yes'],
  'pse.no': ['否', 'No'],
  'pse.none': ['（无）', '(none)'],
  'pse.empty': ['不限', 'No limit'],
  'pse.addRow': ['添加一行', 'Add a row'],
  'pse.addEntry': ['添加一项', 'Add an entry'],
  'pse.remove': ['删除', 'Remove'],
  'pse.item': ['第 {n} 项', 'Item {n}'],
  'pse.key': ['项目', 'Key'],
  'pse.required': ['请填写', 'Required'],
  'pse.pattern': ['格式不对', 'Wrong format'],
  'pse.time': ['时:分，如 21:20', 'HH:mm, e.g. 21:20'],
  'pse.minItems': ['至少 {n} 项', 'At least {n}'],
  'pse.maxItems': ['最多 {n} 项', 'At most {n}'],
  'pse.length': ['{min}–{max} 个字', '{min}–{max} characters'],
  'pse.weekday': ['星期{d}', '{d}'],
  'pse.rawUnit': ['单位按原样填写', 'Entered in the stored unit'],

  // option words of the settings (a value without a word here shows as it is stored)
  'pse.opt.half-up': ['四舍五入', 'Round half up'],
  'pse.opt.half-even': ['四舍六入五成双', 'Round half to even'],
  'pse.opt.down': ['舍去', 'Round down'],
  'pse.opt.up': ['进一', 'Round up'],
  'pse.opt.pro_rata': ['按时长比例折算', 'Pro rata to the length'],
  'pse.opt.refuse': ['不予备案', 'Refused'],
  'pse.opt.ban': ['禁止带入校园（设班主任应急热线）', 'No phones in school (class-teacher line)'],
  'pse.opt.request': ['家长书面申请、班主任同意后带入，统一保管', "Parent's written request, kept centrally"],
  'pse.opt.home': ['入户家访', 'Home visit'],
  'pse.opt.phone': ['电话家访', 'Phone call'],
  'pse.opt.video': ['视频家访', 'Video call'],
  'pse.opt.school': ['到校面谈', 'Meeting at school'],
  'pse.opt.school_day': ['上课日', 'School day'],
  'pse.opt.weekend': ['周末', 'Weekend'],
  'pse.opt.holiday': ['法定节假日', 'Public holiday'],
  'pse.opt.vacation': ['假期', 'Vacation'],
  'pse.opt.chinese': ['语文', 'Chinese'],
  'pse.opt.math': ['数学', 'Maths'],
  'pse.opt.english': ['英语', 'English'],
  'pse.opt.morality': ['道德与法治', 'Morality & Law'],
  'pse.opt.science': ['科学', 'Science'],
  'pse.opt.physics': ['物理', 'Physics'],
  'pse.opt.chemistry': ['化学', 'Chemistry'],
  'pse.opt.biology': ['生物', 'Biology'],
  'pse.opt.history': ['历史', 'History'],
  'pse.opt.geography': ['地理', 'Geography'],
  'pse.opt.pe': ['体育与健康', 'PE & Health'],
  'pse.opt.music': ['音乐', 'Music'],
  'pse.opt.art': ['美术', 'Art'],
  'pse.opt.labour': ['劳动', 'Labour'],
  'pse.opt.it': ['信息科技', 'IT'],
  'pse.opt.practice': ['综合实践活动', 'Practice'],
  'pse.opt.local': ['地方与校本课程', 'Local/School'],
  'pse.opt.contentCheck': ['学科组长审核内容', 'Content check'],
  'pse.opt.classCoordination': ['班主任协调总量', 'Class coordination'],
  'pse.opt.schoolApproval': ['教务处审核', 'Academic affairs approval'],

  // the citation of a refusal
  'pse.cite.by': ['依据：{rule}（{version}）', 'Rule applied: {rule} ({version})'],
  'pse.cite.since': ['{date} 起施行的版本', 'version in force from {date}'],
  'pse.cite.reason': ['，调整原因：{reason}', '; reason: {reason}'],
  'pse.cite.default': ['出厂默认规定', 'shipped default'],
  'pse.rule.homework.dayLimits': ['作业时长上限', 'Homework time limit'],
  'pse.rule.homework.noWrittenGrades': ['不布置家庭书面作业的年级', 'Grades without written homework'],
  'pse.rule.homework.forbiddenPhrases': ['禁止的作业要求', 'Forbidden homework requests'],
  'pse.rule.homework.forbiddenPatterns': ['禁止的作业要求（搭配）', 'Forbidden requests by pattern'],
  'pse.rule.homework.nonWrittenCaps': ['非书面作业时长上限', 'Non-written homework cap'],
};

export const policyEditorMessages = {
  'zh-CN': Object.fromEntries(Object.entries(messages).map(([k, [zh]]) => [k, zh])) as Record<string, string>,
  en: Object.fromEntries(Object.entries(messages).map(([k, [, en]]) => [k, en])) as Record<string, string>,
};

// the editor's strings travel with the pages that import it (the policies page, the load check), not in the shell's dictionary
addMessages(policyEditorMessages);
