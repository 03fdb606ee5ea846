/** Strings of the exams dashboards (keys 'exams.dashboard.*'); the figures' names come with the contracts. */
export const examsDashboardMessages = {
  'zh-CN': {
    'menu.exams.dashboard': '考试与评价看板',
    'menu.exams.dashboardSchool': '学校考试与评价',
    'exams.dashboard.sub': '本学期考试备案与违规、等级结果录入、综合素质评价成长记录完整率（只有人数与次数，不含任何排名）',
    'exams.dashboard.schoolSub': '本校备案情况与各班等级结果、成长记录完整率',
    'exams.dashboard.empty': '本学期暂无数据：学校备案考试、录入等级与成长记录后这里会显示指标。',
    'exams.dashboard.chart': '各学区本学期指标',
    'exams.dashboard.byClass': '按班级',
    'exams.dashboard.note.filings': '通过备案的考试 / 备案的考试',
    'exams.dashboard.note.filings.refused': '被规则拒绝的备案（违规） / 全部备案申请',
    'exams.dashboard.note.results': '各科都有等级的学生 / 应考年级学生',
    'exams.dashboard.note.growth': '德智体美劳均有记录且有教师评语的学生 / 学生',
  },
  en: {
    'menu.exams.dashboard': 'Exams dashboard',
    'menu.exams.dashboardSchool': "A school's exams",
    'exams.dashboard.sub': "This semester's exam filings and violations, results recorded as levels, growth-record completion (counts only, never a rank)",
    'exams.dashboard.schoolSub': "The school's filings and each class's results and growth records",
    'exams.dashboard.empty': 'No figures this semester yet: they appear as schools file exams and record levels and growth records.',
    'exams.dashboard.chart': "This semester's figures per zone",
    'exams.dashboard.byClass': 'By class',
    'exams.dashboard.note.filings': 'Exams accepted / exams filed',
    'exams.dashboard.note.filings.refused': 'Filings refused by a rule (violations) / all filings',
    'exams.dashboard.note.results': 'Pupils with a level in every subject / pupils of the grade',
    'exams.dashboard.note.growth': "Pupils with a record in every dimension and a teacher's comment / pupils",
  },
};
