/** Strings of setting, reviewing and publishing homework (作业布置、审核、公示) and of the policy settings page. */
export const homeworkMessages = {
  'zh-CN': {} as Record<string, string>,
  en: {} as Record<string, string>,
};
