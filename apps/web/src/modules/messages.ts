/** Every module's strings, merged into the dictionaries. */
import type { Messages } from '../app/i18n';
import { auditMessages } from './audit/messages';
import { calendarMessages } from './calendar/messages';
import { homeworkMessages } from './homework/messages';
import { homeworkViewMessages } from './homework/views.messages';
import { orgMessages } from './org/messages';

const modules: { 'zh-CN': Messages; en: Messages }[] = [orgMessages, calendarMessages, auditMessages, homeworkMessages, homeworkViewMessages];

export const moduleMessages = {
  'zh-CN': Object.assign({}, ...modules.map((m) => m['zh-CN'])) as Messages,
  en: Object.assign({}, ...modules.map((m) => m.en)) as Messages,
};
