/** Strings of telling families: the evening reminder setting on the policy page. */

// each key once, zh-CN first and English beside it
const messages: Record<string, [zh: string, en: string]> = {
  'hwn.reminder.on': ['{days} {time} 提醒当日清单已公示、还没填报的家庭（每个孩子每天一次）', 'At {time} on {days}, families whose list is published and not yet reported are reminded (once per child a day)'],
  'hwn.reminder.off': ['不发送晚间填报提醒', 'No evening reminder'],
  'hwn.reminder.enabled': ['发送晚间填报提醒', 'Send the evening reminder'],
  'hwn.reminder.time': ['提醒时间', 'Time'],
  'hwn.reminder.timeHelp': ['区时间；之前公示的清单才提醒', 'District time; lists published before it are reminded of'],
  'hwn.reminder.days': ['哪些日子提醒', 'On which days'],
  'hwn.reminder.daysRequired': ['至少选一种日子', 'Choose at least one kind of day'],
  'hwn.reminder.daysJoin': ['、', ', '],
};

export const homeworkNoticeMessages = {
  'zh-CN': Object.fromEntries(Object.entries(messages).map(([k, [zh]]) => [k, zh])),
  en: Object.fromEntries(Object.entries(messages).map(([k, [, en]]) => [k, en])),
};
