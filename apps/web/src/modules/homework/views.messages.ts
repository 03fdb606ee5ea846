/** Strings of the homework views: parents' pages, library, teacher week, class calendar, school and district dashboards. */
export const homeworkViewMessages = {
  'zh-CN': {} as Record<string, string>,
  en: {} as Record<string, string>,
};
