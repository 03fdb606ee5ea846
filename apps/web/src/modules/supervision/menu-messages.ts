/** The 督导考核 strings the shell needs before any of its pages: the menu labels. The pages' own travel with them. */
export const supervisionMenuMessages = {
  'zh-CN': {
    'menu.supervision': '督导考核',
    'menu.supervision.home': '全区督导总览',
    'menu.supervision.assessments': '学期考核',
    'menu.supervision.assessment': '考核详情',
    'menu.supervision.results': '本校考核结果',
    'menu.supervision.notices': '通知与通报',
    'menu.supervision.send': '发布通知',
    'menu.supervision.reports': '督导报告',
    'menu.policyHistory': '政策变更记录',
  },
  en: {
    'menu.supervision': 'Supervision',
    'menu.supervision.home': 'District overview',
    'menu.supervision.assessments': 'Assessments',
    'menu.supervision.assessment': 'Assessment',
    'menu.supervision.results': 'Our results',
    'menu.supervision.notices': 'Notices',
    'menu.supervision.send': 'Send notices',
    'menu.supervision.reports': 'Reports',
    'menu.policyHistory': 'Policy history',
  },
};
