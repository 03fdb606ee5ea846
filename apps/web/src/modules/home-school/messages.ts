/** Strings shared by the 家校社协同 pages (menu group, common words; keys 'hs.*', 'menu.homeSchool*'). */
export const homeSchoolMessages = {
  'zh-CN': {
    'menu.homeSchool': '家校社协同',
  },
  en: {
    'menu.homeSchool': 'Home & school',
  },
};
