/** The 课程与课表 strings the shell needs before any of its pages: the menu labels. The pages' own are in messages.ts. */
export const timetableMenuMessages = {
  'zh-CN': {
    'menu.timetable': '课程与课表',
    'menu.timetable.school': '班级课表',
    'menu.timetable.patrol': '巡课记录',
    'menu.timetable.findings': '阴阳课表问题',
    'menu.timetable.district': '课表监测',
    'menu.timetable.child': '孩子的课表',
  },
  en: {
    'menu.timetable': 'Timetables',
    'menu.timetable.school': 'Class timetables',
    'menu.timetable.patrol': 'Lesson patrol',
    'menu.timetable.findings': 'Two-faced timetable findings',
    'menu.timetable.district': 'Timetable monitor',
    'menu.timetable.child': "Child's timetable",
  },
};
