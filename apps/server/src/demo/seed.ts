/**
 * The demo district (示范区), loaded into an empty database: 2 zones, 4 schools, classes of about 40, guardians, staff in
 * every role, 5 training institutions, a school calendar, and the demo accounts (password Demo#2026).
 */
import { gradeNames, gradesOf, type Role } from '@shuangjian/contracts';
import { count, eq } from 'drizzle-orm';
import { audit, systemActor } from '../platform/audit';
import { hashPassword } from '../platform/auth/password';
import { secondFactors } from '../platform/auth/schema';
import { bulkInsert, type Db, type Queryable } from '../platform/db';
import { districts, users } from '../platform/schema';
import { calendarEntries, semesters } from '../modules/calendar/schema';
import { classes, guardianLinks, guardians, institutions, roleAssignments, schools, students, subjects, zones } from '../modules/org/schema';
import { sealGuardianPhone, sealIdentity } from '../modules/org/sealed';
import { demoIdentities } from './pupil-identity';
import { resealAll } from '../platform/sealed-columns';
import { homeSchoolModule } from '../modules/home-school';
import { orgModule } from '../modules/org';
import { personName, rng } from './names';
import { seedHomeworkDemo } from './homework';
import { seedTrainingDemo } from './training';
import { seedManagementsDemo } from './five-managements';
import { seedMarkingDemo } from './marking';
import { seedAfterSchoolDemo } from './after-school';
import { seedTimetableDemo } from './timetable';
import { seedHomeSchoolDemo } from './home-school';
import { seedSupervisionDemo } from './supervision';
import { seedSupervisionNoticesDemo } from './supervision-notices';
import { seedSupervisionReportsDemo } from './supervision-reports';
import { DEFAULT_TIME_ZONE, type LocalDate, todayIn } from '@shuangjian/policy';

export const DEMO_PASSWORD = 'Demo#2026';

export const DEMO_ACCOUNTS: { username: string; role: Role; name: string }[] = [
  { username: 'demo-district', role: 'district_admin', name: '周建国' },
  { username: 'demo-inspector', role: 'inspector', name: '吴志刚' },
  { username: 'demo-principal', role: 'school_admin', name: '陈慧' },
  { username: 'demo-gradeleader', role: 'grade_leader', name: '刘海燕' },
  { username: 'demo-subjectleader', role: 'subject_leader', name: '孙明' },
  { username: 'demo-classteacher', role: 'class_teacher', name: '王芳' },
  { username: 'demo-teacher', role: 'teacher', name: '李强' },
  { username: 'demo-parent', role: 'parent', name: '张伟' },
  { username: 'demo-institution', role: 'institution_admin', name: '赵丽' },
  { username: 'demo-auditor', role: 'auditor', name: '钱红梅' },
  { username: 'demo-system', role: 'system_admin', name: '冯立新' },
  { username: 'demo-security', role: 'security_admin', name: '韩雪' },
];

const SUBJECTS = [
  ['chinese', '语文'],
  ['math', '数学'],
  ['english', '英语'],
  ['morality', '道德与法治'],
  ['science', '科学'],
  ['physics', '物理'],
  ['chemistry', '化学'],
  ['biology', '生物'],
  ['history', '历史'],
  ['geography', '地理'],
  ['pe', '体育与健康'],
  ['music', '音乐'],
  ['art', '美术'],
  ['labour', '劳动'],
  ['it', '信息科技'],
] as const;

const SCHOOLS = [
  { code: 'SY01', name: '示范区实验小学', type: 'primary', zone: 0, perGrade: 3, address: '城东街道学府路 1 号' },
  { code: 'CX02', name: '城西第二小学', type: 'primary', zone: 1, perGrade: 2, address: '城西学区育才路 18 号' },
  { code: 'CZ01', name: '示范区第一初级中学', type: 'junior', zone: 0, perGrade: 3, address: '城东街道文昌路 66 号' },
  { code: 'JN01', name: '城西九年一贯制学校', type: 'nine_year', zone: 1, perGrade: 2, address: '城西学区新华路 9 号' },
] as const;

const INSTITUTIONS = [
  { name: '启明文化艺术培训学校', licenseNo: '教民140105700001号', category: 'non_subject', field: '文化艺术', listStatus: 'white', zone: 0 },
  { name: '飞跃少儿体育俱乐部', licenseNo: '体民140105700002号', category: 'non_subject', field: '体育', listStatus: 'white', zone: 1 },
  { name: '小科学家科技创新中心', licenseNo: '教民140105700003号', category: 'non_subject', field: '科技', listStatus: 'white', zone: 0 },
  { name: '博学学科辅导中心', licenseNo: '教民140105700004号', category: 'subject', field: '学科类', listStatus: 'none', zone: 1 },
  { name: '捷径升学补习班', licenseNo: '无证-2026-001', category: 'subject', field: '学科类', listStatus: 'black', zone: 0 },
] as const;

/** School year 2026-2027 around today, plus the spring term before it; holidays per the 2026 national schedule. */
const SEMESTERS = [
  { name: '2025-2026学年第二学期', schoolYear: '2025-2026', term: 2, startDate: '2026-03-02', endDate: '2026-07-03' },
  { name: '2026-2027学年第一学期', schoolYear: '2026-2027', term: 1, startDate: '2026-09-01', endDate: '2027-01-22' },
  { name: '2026-2027学年第二学期', schoolYear: '2026-2027', term: 2, startDate: '2027-02-22', endDate: '2027-07-02' },
] as const;
const ENTRIES = [
  { kind: 'holiday', name: '清明节', startDate: '2026-04-04', endDate: '2026-04-06' },
  { kind: 'holiday', name: '劳动节', startDate: '2026-05-01', endDate: '2026-05-05' },
  { kind: 'workday', name: '劳动节调休上班', startDate: '2026-05-09', endDate: '2026-05-09' },
  { kind: 'holiday', name: '端午节', startDate: '2026-06-19', endDate: '2026-06-21' },
  { kind: 'vacation', name: '暑假', startDate: '2026-07-04', endDate: '2026-08-31' },
  { kind: 'workday', name: '国庆节调休上班', startDate: '2026-09-20', endDate: '2026-09-20' },
  { kind: 'holiday', name: '中秋节', startDate: '2026-09-25', endDate: '2026-09-27' },
  { kind: 'holiday', name: '国庆节', startDate: '2026-10-01', endDate: '2026-10-07' },
  { kind: 'workday', name: '国庆节调休上班', startDate: '2026-10-10', endDate: '2026-10-10' },
  { kind: 'holiday', name: '元旦', startDate: '2027-01-01', endDate: '2027-01-03' },
  { kind: 'vacation', name: '寒假', startDate: '2027-01-23', endDate: '2027-02-21' },
  { kind: 'holiday', name: '清明节', startDate: '2027-04-03', endDate: '2027-04-05' },
  { kind: 'holiday', name: '劳动节', startDate: '2027-05-01', endDate: '2027-05-05' },
  { kind: 'holiday', name: '端午节', startDate: '2027-06-09', endDate: '2027-06-11' },
  { kind: 'vacation', name: '暑假', startDate: '2027-07-03', endDate: '2027-08-31' },
] as const;

const SCHOOL_YEAR = 2026;

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(districts);
  return (row?.n ?? 0) === 0;
}

/** Whether the demo district exists (the sign-in page then lists its accounts). */
export async function hasDemoDistrict(db: Db): Promise<boolean> {
  const [demo] = await db.select({ id: districts.id }).from(districts).where(eq(districts.demo, true)).limit(1);
  return !!demo;
}

/**
 * Loads the demo district, its homework history included, in one transaction: a start killed half-way leaves an empty
 * database, and the next start loads it again. Returns the district id.
 */
export async function seedDemo(db: Db, options: { homework?: boolean; afterSchool?: boolean; training?: boolean; managements?: boolean; timetable?: boolean; homeSchool?: boolean; today?: LocalDate } = {}): Promise<string> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const id = await seedOrganisation(tx, passwordHash);
    const today = options.today ?? todayIn(DEMO_TIME_ZONE);
    if (options.homework) {
      await seedHomeworkDemo(tx, id, today);
      await seedMarkingDemo(tx, id, today);
    }
    if (options.afterSchool) await seedAfterSchoolDemo(tx, id, today);
    if (options.training) await seedTrainingDemo(tx, id, today);
    if (options.managements) await seedManagementsDemo(tx, id, today);
    if (options.timetable) await seedTimetableDemo(tx, id, today);
    if (options.homeSchool) await seedHomeSchoolDemo(tx, id, today);
    // the set-based demo loaders write personal data in plaintext (home-school's special pupils and files): sealed
    // here, as the start's conversion would; a module whose demo writes sealed columns in SQL joins this list
    await resealAll(tx, [orgModule, homeSchoolModule].flatMap((m) => m.sealed ?? []), 'plaintext');
    // 督导测评: last semester's published results and this semester's scoring, on the organisation alone (every variant)
    await seedSupervisionDemo(tx, id, today);
    // 督导通知: warnings and an award that follow the published assessment, notices to the schools (every variant)
    await seedSupervisionNoticesDemo(tx, id, today);
    // 督导报告: last, as the scheduled run would have made them by today (they read every module's figures above)
    await seedSupervisionReportsDemo(tx, id, today);
    return id;
  });
}

const DEMO_TIME_ZONE = DEFAULT_TIME_ZONE;

async function seedOrganisation(tx: Queryable, passwordHash: string): Promise<string> {
  const next = rng(20260901);
  {
    const [district] = await tx.insert(districts).values({ code: 'demo', name: '示范区', demo: true, timezone: DEMO_TIME_ZONE }).returning();
    const d = district!.id;
    const zoneRows = await tx
      .insert(zones)
      .values([
        { districtId: d, name: '城东街道教育中心', kind: 'street' },
        { districtId: d, name: '城西学区', kind: 'zone' },
      ])
      .returning();
    const subjectRows = await tx
      .insert(subjects)
      .values(SUBJECTS.map(([code, name], i) => ({ districtId: d, code, name, sort: (i + 1) * 10 })))
      .returning();
    const subject = (code: string) => subjectRows.find((s) => s.code === code)!.id;
    const institutionRows = await tx
      .insert(institutions)
      .values(
        INSTITUTIONS.map((i, n) => ({
          districtId: d,
          zoneId: zoneRows[i.zone]!.id,
          name: i.name,
          licenseNo: i.licenseNo,
          category: i.category,
          field: i.field,
          listStatus: i.listStatus,
          address: `${zoneRows[i.zone]!.name}商业街 ${n * 12 + 8} 号`,
        })),
      )
      .returning();
    await tx.insert(semesters).values(SEMESTERS.map((s) => ({ districtId: d, ...s })));
    await tx.insert(calendarEntries).values(ENTRIES.map((e) => ({ districtId: d, schoolId: null, ...e })));

    const userRows: (typeof users.$inferInsert)[] = [];
    const assignmentRows: (typeof roleAssignments.$inferInsert)[] = [];
    const studentRows: (typeof students.$inferInsert & { id: string })[] = [];
    const guardianRows: (typeof guardians.$inferInsert & { id: string })[] = [];
    const linkRows: (typeof guardianLinks.$inferInsert)[] = [];
    const newUser = (username: string, name: string, phone: string | null) => {
      const id = crypto.randomUUID();
      userRows.push({ districtId: d, id, username, name, phone, passwordHash, mustChangePassword: false });
      return id;
    };
    const demoUser = (username: string) => {
      const account = DEMO_ACCOUNTS.find((a) => a.username === username)!;
      return newUser(username, account.name, null);
    };
    assignmentRows.push({ districtId: d, userId: demoUser('demo-district'), role: 'district_admin' });
    assignmentRows.push({ districtId: d, userId: demoUser('demo-inspector'), role: 'inspector' });
    assignmentRows.push({ districtId: d, userId: demoUser('demo-auditor'), role: 'auditor' });
    assignmentRows.push({ districtId: d, userId: demoUser('demo-system'), role: 'system_admin' });
    assignmentRows.push({ districtId: d, userId: demoUser('demo-security'), role: 'security_admin' });
    assignmentRows.push({ districtId: d, userId: demoUser('demo-institution'), role: 'institution_admin', institutionId: institutionRows[0]!.id });
    // a zone inspector too, so zone-level scopes show in the demo
    assignmentRows.push({ districtId: d, userId: newUser('zone-inspector', '郑国强', null), role: 'inspector', zoneId: zoneRows[1]!.id });

    let phoneSeq = 0;
    const phone = () => `139${String(10_000_000 + phoneSeq++).padStart(8, '0')}`;
    let demoParentLinked = false;
    const identityOf = demoIdentities();

    for (const [schoolIndex, s] of SCHOOLS.entries()) {
      const [school] = await tx
        .insert(schools)
        .values({ districtId: d, zoneId: zoneRows[s.zone]!.id, code: s.code, name: s.name, type: s.type, grades: [...gradesOf[s.type]], address: s.address })
        .returning();
      const schoolId = school!.id;
      const isDemoSchool = schoolIndex === 0;
      const staffName = () => personName(next, true);
      let staffSeq = 0;
      const staff = (name = staffName()) => newUser(`${s.code.toLowerCase()}-t${String(++staffSeq).padStart(3, '0')}`, name, null);

      assignmentRows.push({ districtId: d, userId: isDemoSchool ? demoUser('demo-principal') : staff(), role: 'school_admin', schoolId });
      for (const code of ['chinese', 'math', 'english'] as const) {
        const userId = isDemoSchool && code === 'math' ? demoUser('demo-subjectleader') : staff();
        assignmentRows.push({ districtId: d, userId, role: 'subject_leader', schoolId, subjectId: subject(code) });
      }
      for (const grade of gradesOf[s.type]) {
        const gradeLeader = isDemoSchool && grade === 3 ? demoUser('demo-gradeleader') : staff();
        assignmentRows.push({ districtId: d, userId: gradeLeader, role: 'grade_leader', schoolId, grade });
        const gradeClasses = await tx
          .insert(classes)
          .values(
            Array.from({ length: s.perGrade }, (_, i) => ({
              districtId: d,
              schoolId,
              grade,
              name: `${gradeNames[grade]}(${i + 1})班`,
              entryYear: SCHOOL_YEAR - (grade - (s.type === 'junior' ? 7 : 1)),
            })),
          )
          .returning();
        // one teacher per subject for the whole grade, the class teacher teaches the first subject of the class
        const isDemoGrade = isDemoSchool && grade === 3;
        const mathTeacher = isDemoGrade ? demoUser('demo-teacher') : staff();
        const englishTeacher = grade >= 3 ? staff() : null;
        const scienceTeacher = staff();
        const peTeacher = staff();
        const juniorSubjects = grade >= 7 ? (['physics', 'history', 'geography', 'biology'] as const).map((code) => ({ code, userId: staff() })) : [];
        for (const [classIndex, cls] of gradeClasses.entries()) {
          const isDemoClass = isDemoGrade && classIndex === 1;
          const classTeacher = isDemoClass ? demoUser('demo-classteacher') : staff();
          const teach = (userId: string, code: string) =>
            assignmentRows.push({ districtId: d, userId, role: 'teacher', schoolId, classId: cls.id, subjectId: subject(code) });
          assignmentRows.push({ districtId: d, userId: classTeacher, role: 'class_teacher', schoolId, classId: cls.id });
          teach(classTeacher, 'chinese');
          teach(mathTeacher, 'math');
          if (englishTeacher) teach(englishTeacher, 'english');
          teach(scienceTeacher, grade >= 7 ? 'chemistry' : 'science');
          teach(peTeacher, 'pe');
          for (const j of juniorSubjects) teach(j.userId, j.code);
          for (let n = 1; n <= 40; n++) {
            const studentId = crypto.randomUUID();
            const childName = personName(next);
            const birthYear = SCHOOL_YEAR - grade - 6 + (next() < 0.75 ? 1 : 0);
            const month = 1 + Math.floor(next() * 12);
            const day = 1 + Math.floor(next() * 28);
            studentRows.push({
              districtId: d,
              id: studentId,
              schoolId,
              classId: cls.id,
              studentNo: `${s.code}${cls.entryYear}${String(classIndex + 1).padStart(2, '0')}${String(n).padStart(2, '0')}`,
              name: childName,
              gender: next() < 0.52 ? 'M' : 'F',
              birthDate: `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
            });
            const father = { id: crypto.randomUUID(), name: childName[0] + personName(next, true).slice(1), relation: '父亲' };
            const mother = { id: crypto.randomUUID(), name: personName(next, true), relation: '母亲' };
            for (const g of [father, mother]) {
              let userId: string | null = null;
              if (isDemoClass && n === 1 && g === father && !demoParentLinked) {
                userId = demoUser('demo-parent');
                g.name = '张伟';
                studentRows[studentRows.length - 1]!.name = '张小明';
                studentRows[studentRows.length - 1]!.gender = 'M';
                demoParentLinked = true;
              }
              guardianRows.push({ districtId: d, id: g.id, name: g.name, ...sealGuardianPhone(phone()), userId });
              linkRows.push({ districtId: d, studentId, guardianId: g.id, relation: g.relation });
            }
            // sealed as every pupil's data is: one seal per value, no query
            const pupil = studentRows[studentRows.length - 1]!;
            Object.assign(pupil, sealIdentity(identityOf({ birthDate: pupil.birthDate, gender: pupil.gender })));
          }
        }
      }
    }
    await bulkInsert(tx, users, userRows);
    // the demo exemption from the second factor: every demo account, honoured only while the server runs with DEMO=1
    await bulkInsert(tx, secondFactors, userRows.map((u) => ({ districtId: d, userId: u.id!, exempt: true })));
    await bulkInsert(tx, roleAssignments, assignmentRows);
    await bulkInsert(tx, students, studentRows);
    await bulkInsert(tx, guardians, guardianRows);
    await bulkInsert(tx, guardianLinks, linkRows);
    await audit(tx, systemActor(d), {
      action: 'demo.seed',
      entity: 'district',
      entityId: d,
      after: { schools: SCHOOLS.length, students: studentRows.length, guardians: guardianRows.length, staff: userRows.length },
    });
    return d;
  }
}
