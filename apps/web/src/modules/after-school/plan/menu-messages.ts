/** The after-school plan area's strings the shell needs before any of its pages: the menu labels. */
export const afterSchoolPlanMenuMessages = {
  'zh-CN': {
    'menu.afterSchool.plan': '课后服务方案',
    'menu.afterSchool.planReview': '方案审核备案',
    'menu.afterSchool.providers': '服务机构白名单',
  },
  en: {
    'menu.afterSchool.plan': 'Service plan',
    'menu.afterSchool.planReview': 'Plan review',
    'menu.afterSchool.providers': 'Provider white list',
  },
};
