/**
 * Demo training supervision: the registry area's part (runs first in demo/training.ts). Registry files for the five
 * demo institutions and one in each status: 启明 and 飞跃 正常 on the white list with approved courses and packages
 * (启明 stays 正常 and white: after-school buys from it), 小科学家 整改, 博学 暂停 (its 学科类 course within the caps
 * stays on file), 捷径 注销 on the black list; venues, staff, materials; a course, a package and a material of 飞跃 and
 * 小科学家 waiting for the district's review. Deterministic: dates from `today`, no randomness.
 */
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import { checkCourse, checkPackage } from '../modules/training/rules.service';
import { trainingMaterials, trainingStaff, trainingStatusHistory, trainingVenues } from '../modules/training/registry.schema';
import { trainingCourses, trainingPackages, trainingProfiles } from '../modules/training/schema';
import { institutions } from '../modules/org/schema';
import type { Queryable } from '../platform/db';

type Subtype = typeof trainingCourses.$inferInsert['subtype'];
interface DemoCourse { name: string; subtype: Subtype; minutes: number; size: number; priceFen: number; grades: string; status: 'approved' | 'submitted' | 'draft'; packages: { name: string; lessons: number; months: number; priceFen: number; status: 'approved' | 'submitted' | 'draft' }[] }
interface DemoInstitution {
  name: string;
  status: 'active' | 'rectifying' | 'suspended' | 'closed';
  history?: { to: 'rectifying' | 'suspended' | 'closed'; reason: string; daysAgo: number };
  profile: { legalForm: 'non_profit' | 'for_profit'; issuer: string; legalPerson: string; phone: string; custodyMode: 'custody' | 'deposit'; bank: string | null; account: string | null; filing: 'approved' | 'submitted' | 'draft' };
  venues: { address: string; area: number; capacity: number; fire: string | null }[];
  staff: { name: string; role: 'teacher' | 'other'; subtype: Subtype | null; qualification: string | null; cert: string | null; check: 'passed' | 'pending' | 'failed' }[];
  materials: { title: string; subtype: Subtype; grades: string; publisher: string; status: 'approved' | 'submitted' | 'draft' }[];
  courses: DemoCourse[];
}

const DEMO: DemoInstitution[] = [
  {
    name: '启明文化艺术培训学校',
    status: 'active',
    profile: { legalForm: 'for_profit', issuer: '区教育局', legalPerson: '赵丽', phone: '13800001001', custodyMode: 'custody', bank: '中国建设银行小店支行', account: '6217000010001001', filing: 'approved' },
    venues: [{ address: '一号楼二层 201–206 室', area: 420, capacity: 90, fire: '消验字〔2025〕第0101号' }],
    staff: [
      { name: '周墨', role: 'teacher', subtype: 'arts', qualification: '中国画专业本科', cert: '20231400142000101', check: 'passed' },
      { name: '吴书琴', role: 'teacher', subtype: 'arts', qualification: '书法家协会会员', cert: null, check: 'passed' },
      { name: '孙晓', role: 'other', subtype: null, qualification: null, cert: null, check: 'passed' },
    ],
    materials: [
      { title: '少儿国画入门（上册）', subtype: 'arts', grades: '1–6年级', publisher: '人民美术出版社', status: 'approved' },
      { title: '硬笔书法字帖', subtype: 'arts', grades: '1–6年级', publisher: '机构自编', status: 'approved' },
    ],
    courses: [
      { name: '少儿国画', subtype: 'arts', minutes: 45, size: 15, priceFen: 3000, grades: '1–6年级', status: 'approved', packages: [{ name: '少儿国画 12 课时', lessons: 12, months: 3, priceFen: 36000, status: 'approved' }] },
      { name: '书法', subtype: 'arts', minutes: 45, size: 15, priceFen: 3000, grades: '1–6年级', status: 'approved', packages: [{ name: '书法 20 课时', lessons: 20, months: 3, priceFen: 56000, status: 'approved' }] },
    ],
  },
  {
    name: '飞跃少儿体育俱乐部',
    status: 'active',
    profile: { legalForm: 'for_profit', issuer: '区体育局', legalPerson: '钱飞', phone: '13800001002', custodyMode: 'custody', bank: '中国工商银行坞城支行', account: '6222000020002002', filing: 'approved' },
    venues: [
      { address: '体育中心东侧篮球馆', area: 800, capacity: 120, fire: '消验字〔2024〕第0233号' },
      { address: '恒温游泳馆', area: 1200, capacity: 60, fire: '消验字〔2024〕第0234号' },
    ],
    staff: [
      { name: '李健', role: 'teacher', subtype: 'sports', qualification: '国家二级篮球裁判、体育教育本科', cert: null, check: 'passed' },
      { name: '王浪', role: 'teacher', subtype: 'sports', qualification: '游泳救生员证', cert: null, check: 'pending' },
    ],
    materials: [{ title: '少儿篮球训练手册', subtype: 'sports', grades: '3–9年级', publisher: '机构自编', status: 'approved' }],
    courses: [
      { name: '少儿篮球', subtype: 'sports', minutes: 45, size: 20, priceFen: 4000, grades: '3–9年级', status: 'approved', packages: [{ name: '篮球 16 课时', lessons: 16, months: 2, priceFen: 64000, status: 'approved' }] },
      { name: '少儿游泳', subtype: 'sports', minutes: 45, size: 8, priceFen: 6000, grades: '1–6年级', status: 'submitted', packages: [] },
    ],
  },
  {
    name: '小科学家科技创新中心',
    status: 'rectifying',
    history: { to: 'rectifying', reason: '消防通道堆放杂物，限期整改', daysAgo: 12 },
    profile: { legalForm: 'for_profit', issuer: '区教育局', legalPerson: '孙创', phone: '13800001003', custodyMode: 'deposit', bank: null, account: null, filing: 'approved' },
    venues: [{ address: '科创园三层', area: 300, capacity: 60, fire: null }],
    staff: [{ name: '冯博', role: 'teacher', subtype: 'science', qualification: '物理学硕士', cert: null, check: 'passed' }],
    materials: [{ title: '机器人编程（初级）', subtype: 'science', grades: '4–8年级', publisher: '机构自编', status: 'submitted' }],
    courses: [{ name: '机器人编程', subtype: 'science', minutes: 45, size: 12, priceFen: 5000, grades: '4–8年级', status: 'approved', packages: [{ name: '机器人编程 24 课时', lessons: 24, months: 3, priceFen: 120000, status: 'submitted' }] }],
  },
  {
    name: '博学学科辅导中心',
    status: 'suspended',
    history: { to: 'suspended', reason: '周末组织学科类培训，暂停招生和培训，接受调查', daysAgo: 5 },
    profile: { legalForm: 'non_profit', issuer: '区教育局', legalPerson: '陈博', phone: '13800001004', custodyMode: 'custody', bank: '中国银行学府街支行', account: '6216000040004004', filing: 'approved' },
    venues: [{ address: '学府街 18 号二层', area: 260, capacity: 50, fire: '消验字〔2023〕第0412号' }],
    staff: [
      { name: '陈思远', role: 'teacher', subtype: 'maths', qualification: '数学教育本科', cert: '20211400122003311', check: 'passed' },
      { name: '林语', role: 'teacher', subtype: 'chinese', qualification: '汉语言文学本科', cert: '20201400142004522', check: 'passed' },
    ],
    materials: [{ title: '初中数学同步练习', subtype: 'maths', grades: '7–9年级', publisher: '山西教育出版社', status: 'approved' }],
    courses: [{ name: '初中数学小班', subtype: 'maths', minutes: 45, size: 10, priceFen: 3500, grades: '7–9年级', status: 'approved', packages: [{ name: '初中数学 20 课时', lessons: 20, months: 3, priceFen: 70000, status: 'approved' }] }],
  },
  {
    name: '捷径升学补习班',
    status: 'closed',
    history: { to: 'closed', reason: '无证办学，依法取缔并列入黑名单', daysAgo: 40 },
    profile: { legalForm: 'non_profit', issuer: '—', legalPerson: '黄捷', phone: '13800001005', custodyMode: 'custody', bank: null, account: null, filing: 'draft' },
    venues: [],
    staff: [],
    materials: [],
    courses: [],
  },
];

export async function seedTrainingRegistryDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const rows = await db.select().from(institutions).where(eq(institutions.districtId, districtId));
  const at = (daysAgo: number) => new Date(`${addDays(today, -daysAgo)}T02:00:00Z`);
  for (const demo of DEMO) {
    const inst = rows.find((r) => r.name === demo.name);
    if (!inst) continue;
    const base = { districtId, institutionId: inst.id, zoneId: inst.zoneId };
    const p = demo.profile;
    await db.insert(trainingProfiles).values({
      ...base,
      legalForm: p.legalForm,
      licenseIssuer: p.issuer,
      licenseValidUntil: addDays(today, 3 * 365),
      legalPerson: p.legalPerson,
      contactPhone: p.phone,
      custodyMode: p.custodyMode,
      custodyBank: p.bank,
      custodyAccountNo: p.account,
      filingStatus: p.filing,
      submittedAt: p.filing === 'draft' ? null : at(120),
      reviewedAt: p.filing === 'approved' ? at(110) : null,
    });
    if (demo.venues.length)
      await db.insert(trainingVenues).values(demo.venues.map((v) => ({ ...base, address: v.address, areaSqm: v.area, capacity: v.capacity, fireCertificateNo: v.fire })));
    if (demo.staff.length)
      await db.insert(trainingStaff).values(
        demo.staff.map((s, n) => ({
          ...base,
          name: s.name,
          role: s.role,
          subtype: s.subtype,
          qualification: s.qualification,
          certificateNo: s.cert,
          phone: `1390000${String(rows.indexOf(inst) * 10 + n).padStart(4, '0')}`,
          backgroundCheck: s.check,
          backgroundCheckedOn: s.check === 'pending' ? null : addDays(today, -100),
        })),
      );
    if (demo.materials.length)
      await db.insert(trainingMaterials).values(demo.materials.map((m) => ({ ...base, title: m.title, subtype: m.subtype, grades: m.grades, publisher: m.publisher, status: m.status, reviewedAt: m.status === 'approved' ? at(100) : null })));
    for (const c of demo.courses) {
      const category = ['chinese', 'maths', 'english', 'other_subject'].includes(c.subtype) ? 'subject' : 'non_subject';
      const facts = { category, mode: 'offline', lessonMinutes: c.minutes, maxClassSize: c.size, pricePerLessonFen: c.priceFen } as const;
      const findings = await checkCourse(db, districtId, facts, today);
      const [course] = await db
        .insert(trainingCourses)
        .values({ ...base, name: c.name, subtype: c.subtype, category, mode: 'offline', lessonMinutes: c.minutes, maxClassSize: c.size, pricePerLessonFen: c.priceFen, grades: c.grades, status: c.status, findings })
        .returning();
      for (const k of c.packages) {
        const pf = await checkPackage(db, districtId, { lessons: k.lessons, months: k.months, category }, today);
        await db.insert(trainingPackages).values({ ...base, courseId: course!.id, name: k.name, lessons: k.lessons, months: k.months, priceFen: k.priceFen, status: k.status, findings: pf });
      }
    }
    if (demo.history) {
      const to = demo.history.to;
      const listStatus = to === 'closed' ? 'black' : to === 'suspended' && inst.listStatus === 'white' ? 'none' : inst.listStatus;
      await db.insert(trainingStatusHistory).values({ ...base, fromStatus: 'active', toStatus: to, fromList: inst.listStatus, toList: listStatus, reason: demo.history.reason, byName: '区教体局', at: at(demo.history.daysAgo) });
      await db.update(institutions).set({ status: to, listStatus }).where(and(eq(institutions.districtId, districtId), eq(institutions.id, inst.id)));
    }
  }
}
