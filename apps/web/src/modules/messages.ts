/** Every module's strings, merged into the dictionaries. */
import { calendarMessages } from './calendar/messages';
import { homeworkMessages } from './homework/messages';
import { homeworkMarkingMessages } from './homework/marking.messages';
import { homeworkNoticeMessages } from './homework/notices.messages';
import { homeworkViewMessages } from './homework/views.messages';
import { homeworkReviewMessages } from './homework/review.messages';
import { homeworkFamilyMessages } from './homework/family.messages';
import { orgMessages } from './org/messages';
import { afterSchoolDistrictMessages } from './after-school/district/messages';
import { afterSchoolSurveyMessages } from './after-school/survey/messages';
import { afterSchoolCareMenuMessages } from './after-school/care/menu-messages';
import { afterSchoolDailyMessages } from './after-school/daily/messages';
import { afterSchoolPlanMenuMessages } from './after-school/plan/menu-messages';
import { afterSchoolMoneyMenuMessages } from './after-school/money/menu-messages';
import { afterSchoolEnrolMessages } from './after-school/enrol/messages';
import { trainingFamilyMessages } from './training/family/messages';
import { trainingInstitutionMessages } from './training/institution/messages';
import { trainingRulesMessages } from './training/rules/messages';
import { trainingComplaintsMessages } from './training/complaints/messages';
import { trainingInspectionsMessages } from './training/inspections/messages';
import { trainingCustodyDistrictMessages } from './training/custody/messages';
import { trainingRegistryMessages } from './training/registry/messages';
import { trainingAlertsMessages } from './training/alerts/messages';
import { trainingDistrictMessages } from './training/district/messages';
import { fiveDashboardMessages } from './five-managements/dashboard/messages';
import { examsDashboardMessages } from './exams/dashboard/messages';
import { fiveReadingMessages } from './five-managements/reading/messages';
import { fiveSelfcheckMessages } from './five-managements/selfcheck/messages';
import { fiveSleepMessages } from './five-managements/sleep/messages';
import { fivePhonesMessages } from './five-managements/phones/messages';
import { examsGrowthMessages } from './exams/growth/messages';
import { examsFilingsMessages } from './exams/filings/messages';
import { examsResultsMessages } from './exams/results/messages';
import { fiveFitnessMessages } from './five-managements/fitness/messages';
import { timetableMenuMessages } from './timetable/menu-messages';
import { homeSchoolMessages } from './home-school/messages';
import { supervisionMenuMessages } from './supervision/menu-messages';

/** A dictionary: message key → text (as app/i18n's Messages; declared here so the lazy chunk imports nothing back). */
type Messages = Record<string, string>;

const modules: { 'zh-CN': Messages; en: Messages }[] = [orgMessages, calendarMessages, homeworkMessages, homeworkViewMessages, homeworkReviewMessages, homeworkFamilyMessages, homeworkNoticeMessages, homeworkMarkingMessages, afterSchoolDistrictMessages, afterSchoolSurveyMessages, afterSchoolCareMenuMessages, afterSchoolPlanMenuMessages, afterSchoolMoneyMenuMessages, afterSchoolEnrolMessages, afterSchoolDailyMessages, trainingFamilyMessages, trainingInstitutionMessages, trainingRulesMessages, trainingComplaintsMessages, trainingInspectionsMessages, trainingCustodyDistrictMessages, trainingRegistryMessages, trainingAlertsMessages, trainingDistrictMessages, fiveDashboardMessages, examsDashboardMessages, fiveReadingMessages, fiveSelfcheckMessages, fiveSleepMessages, fivePhonesMessages, examsGrowthMessages, examsFilingsMessages, examsResultsMessages, fiveFitnessMessages, timetableMenuMessages, homeSchoolMessages, supervisionMenuMessages];

export const moduleMessages = {
  'zh-CN': Object.assign({}, ...modules.map((m) => m['zh-CN'])) as Messages,
  en: Object.assign({}, ...modules.map((m) => m.en)) as Messages,
};
