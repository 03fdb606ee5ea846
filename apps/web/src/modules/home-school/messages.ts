/**
 * The 家校社协同 strings the shell needs before any of its pages: the menu labels and the parents' home shortcut. Each
 * area's own strings (visits, special, meetings, district) load with its pages (the area's messages.ts).
 */
export const homeSchoolMessages = {
  'zh-CN': {
    'menu.homeSchool': '家校社协同',
    'menu.homeSchool.visits': '家访记录',
    'menu.homeSchool.classVisits': '班级家访进度',
    'menu.homeSchool.special': '特殊学生关爱',
    'menu.homeSchool.specialFile': '一人一档',
    'menu.homeSchool.careStaff': '关爱专干',
    'menu.homeSchool.meetings': '家长会',
    'menu.homeSchool.lectures': '家长学校讲座',
    'menu.homeSchool.family': '家长会与讲座',
    'hs.family.home': '家长会与讲座',
    'hs.family.homeSub': '家长会通知、家长学校讲座报名',
    'menu.homeSchool.district': '家校社协同看板',
    'menu.homeSchool.districtSchool': '学校家校社协同',
  },
  en: {
    'menu.homeSchool': 'Home & school',
    'menu.homeSchool.visits': 'Home visits',
    'menu.homeSchool.classVisits': 'Class home visits',
    'menu.homeSchool.special': 'Pupils in need of care',
    'menu.homeSchool.specialFile': 'Care file',
    'menu.homeSchool.careStaff': 'Care staff',
    'menu.homeSchool.meetings': 'Parent meetings',
    'menu.homeSchool.lectures': 'Parent school lectures',
    'menu.homeSchool.family': 'Meetings & lectures',
    'hs.family.home': 'Meetings & lectures',
    'hs.family.homeSub': 'Parent meeting notices, parent school sign-ups',
    'menu.homeSchool.district': 'Home & school dashboard',
    'menu.homeSchool.districtSchool': 'School home & school work',
  },
};
