/** The after-school money area's strings the shell needs before any of its pages: the menu labels. */
export const afterSchoolMoneyMenuMessages = {
  'zh-CN': {
    'menu.afterSchool.finance': '课后服务收费结算',
    'menu.afterSchool.bills': '课后服务缴费',
  },
  en: {
    'menu.afterSchool.finance': 'After-school fees',
    'menu.afterSchool.bills': 'After-school bills',
  },
};
