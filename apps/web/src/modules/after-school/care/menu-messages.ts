/** The area's strings the shell needs before any of its pages: the menu labels. */
export const afterSchoolCareMenuMessages = {
  'zh-CN': {
    'menu.afterSchool.lunch': '午餐午托',
    'menu.afterSchool.summer': '暑期托管',
    'menu.afterSchool.familyCare': '午托与暑托',
  },
  en: {
    'menu.afterSchool.lunch': 'Lunch and midday care',
    'menu.afterSchool.summer': 'Summer care',
    'menu.afterSchool.familyCare': 'Lunch and summer care',
  },
};
