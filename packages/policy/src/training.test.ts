import { describe, expect, it } from 'vitest';
import {
  checkCourseRules,
  checkInstitutionRules,
  checkLessonRules,
  checkPackageRules,
  DEFAULT_TRAINING_VERSIONS,
  hasTrainingErrors,
  maxLessonPriceFen,
  priceBand,
  priceRuleText,
  type TrainingCourseFacts,
  type TrainingDay,
  type TrainingLessonFacts,
  type TrainingVersions,
} from './training';
import { trainingSettings, type TrainingPrices } from './training.settings';

// parsed: the shipped default as the typed setting value (the default itself is a readonly literal)
const prices: TrainingPrices = trainingSettings['training.prices'].schema.parse(trainingSettings['training.prices'].default);
const lessons = trainingSettings['training.lessons'].default;
const packages = trainingSettings['training.packages'].default;
const V = DEFAULT_TRAINING_VERSIONS;

const course = (over: Partial<TrainingCourseFacts> = {}): TrainingCourseFacts => ({
  category: 'subject',
  mode: 'offline',
  lessonMinutes: 45,
  maxClassSize: 10,
  pricePerLessonFen: 3500,
  ...over,
});
const courseRules = (over: Partial<TrainingCourseFacts> = {}, p: TrainingPrices = prices) =>
  checkCourseRules(course(over), p, lessons, V).map((f) => `${f.severity}:${f.rule}`);

const schoolDay: TrainingDay = { weekend: false, holiday: null, vacation: null };
const lesson = (over: Partial<TrainingLessonFacts> = {}): TrainingLessonFacts => ({
  category: 'subject',
  mode: 'offline',
  date: '2026-11-26',
  startTime: '19:00',
  endTime: '19:45',
  ...over,
});
const lessonRules = (over: Partial<TrainingLessonFacts> = {}, day = schoolDay) =>
  checkLessonRules(lesson(over), lessons, day, V).map((f) => `${f.severity}:${f.rule}`);

describe('price caps (学科类, ¥35 / ¥25 / ¥15 per 45 min, +10%)', () => {
  it('finds the band by class size at each boundary', () => {
    expect(priceBand(prices, 1)?.capFen).toBe(3500);
    expect(priceBand(prices, 10)?.capFen).toBe(3500);
    expect(priceBand(prices, 11)?.capFen).toBe(2500);
    expect(priceBand(prices, 35)?.capFen).toBe(2500);
    expect(priceBand(prices, 36)?.capFen).toBe(1500);
    expect(priceBand(prices, 50)?.capFen).toBe(1500);
    expect(priceBand(prices, 51)).toBeNull();
    expect(priceBand(prices, 10)?.label).toBe('小班（1—10人）');
    expect(priceBand(prices, 36)?.label).toBe('大班（36—50人）');
  });

  it('allows the cap plus 10% and refuses one fen more, in every band', () => {
    for (const [size, max] of [
      [10, 3850],
      [11, 2750],
      [35, 2750],
      [36, 1650],
      [50, 1650],
    ] as const) {
      expect(courseRules({ maxClassSize: size, pricePerLessonFen: max })).toEqual([]);
      expect(courseRules({ maxClassSize: size, pricePerLessonFen: max + 1 })).toEqual(['error:price_cap']);
    }
  });

  it('says the numbers and cites the band rule with the version', () => {
    const versions: TrainingVersions = { ...V, 'training.prices': { version: 2, versionId: 'v2', effectiveFrom: '2026-09-01' } };
    const [f] = checkCourseRules(course({ pricePerLessonFen: 3860 }), prices, lessons, versions);
    expect(f?.message).toBe('每生每课时38.60元，超过小班（1—10人）上限38.50元（35.00元上浮10%）');
    expect(f?.citation).toEqual({
      key: 'training.prices',
      version: 2,
      versionId: 'v2',
      effectiveFrom: '2026-09-01',
      text: '学科类以45分钟为标准课时，每生每课时小班（1—10人）不超过35元，上浮不超过10%；其他时长按比例折算',
    });
    expect(priceRuleText(prices)).toContain('中班（11—35人）不超过25元、大班（36—50人）不超过15元');
  });

  it('refuses a 学科类 class beyond the largest band (no cap applies)', () => {
    expect(courseRules({ maxClassSize: 51, pricePerLessonFen: 100 })).toEqual(['error:class_size_band']);
    expect(courseRules({ maxClassSize: 50, pricePerLessonFen: 100 })).toEqual([]);
  });

  it('does not cap 非学科类 (the seed caps 全市学科类校外培训 only)', () => {
    expect(courseRules({ category: 'non_subject', pricePerLessonFen: 20000, maxClassSize: 80 })).toEqual([]);
  });

  it('prices other lesson lengths pro rata, rounded down to the fen', () => {
    // 30 min small class: 3850 × 30 / 45 = 2566.67 → 2566
    expect(maxLessonPriceFen(prices, 3500, 30)).toBe(2566);
    expect(courseRules({ mode: 'online', lessonMinutes: 30, pricePerLessonFen: 2566 })).toEqual([]);
    expect(courseRules({ mode: 'online', lessonMinutes: 30, pricePerLessonFen: 2567 })).toEqual(['error:price_length']);
    // 40 min big class: 1650 × 40 / 45 = 1466.67 → 1466
    expect(courseRules({ lessonMinutes: 40, maxClassSize: 40, pricePerLessonFen: 1466 })).toEqual([]);
    expect(courseRules({ lessonMinutes: 40, maxClassSize: 40, pricePerLessonFen: 1467 })).toEqual(['error:price_length']);
    const [f] = checkCourseRules(course({ mode: 'online', lessonMinutes: 30, pricePerLessonFen: 3000 }), prices, lessons, V);
    expect(f?.message).toContain('按30/45分钟折算');
  });

  it("refuses other lesson lengths under 'refuse', whatever the price", () => {
    const refuse: TrainingPrices = { ...prices, otherLengths: 'refuse' };
    expect(courseRules({ lessonMinutes: 40, pricePerLessonFen: 1 }, refuse)).toEqual(['error:price_length']);
    expect(courseRules({ lessonMinutes: 45, pricePerLessonFen: 3850 }, refuse)).toEqual([]);
    expect(courseRules({ category: 'non_subject', lessonMinutes: 40 }, refuse)).toEqual([]);
  });

  it('reads the float from the setting (2.5%)', () => {
    const p: TrainingPrices = { ...prices, floatBp: 250 };
    expect(courseRules({ pricePerLessonFen: 3587 }, p)).toEqual([]);
    expect(courseRules({ pricePerLessonFen: 3588 }, p)).toEqual(['error:price_cap']);
  });
});

describe('lesson length (offline ≤ 45, online ≤ 30)', () => {
  it('at the boundaries, for a course', () => {
    expect(courseRules({ lessonMinutes: 45 })).toEqual([]);
    expect(courseRules({ lessonMinutes: 46, pricePerLessonFen: 100 })).toEqual(['error:lesson_length_offline']);
    expect(courseRules({ mode: 'online', lessonMinutes: 30, pricePerLessonFen: 100 })).toEqual([]);
    expect(courseRules({ mode: 'online', lessonMinutes: 31, pricePerLessonFen: 100 })).toEqual(['error:lesson_length_online']);
  });

  it('is a warning, not a refusal, for 非学科类', () => {
    expect(courseRules({ category: 'non_subject', lessonMinutes: 90 })).toEqual(['warning:lesson_length_offline']);
    expect(hasTrainingErrors(checkCourseRules(course({ category: 'non_subject', lessonMinutes: 90 }), prices, lessons, V))).toBe(false);
  });

  it('at the boundaries, for a lesson by its times', () => {
    expect(lessonRules({ startTime: '18:00', endTime: '18:45' })).toEqual([]);
    expect(lessonRules({ startTime: '18:00', endTime: '18:46' })).toEqual(['error:lesson_length_offline']);
    expect(lessonRules({ mode: 'online', startTime: '18:00', endTime: '18:30' })).toEqual([]);
    expect(lessonRules({ mode: 'online', startTime: '18:00', endTime: '18:31' })).toEqual(['error:lesson_length_online']);
    expect(lessonRules({ startTime: '18:00', endTime: '18:00' })).toEqual(['error:lesson_length_offline']);
  });
});

describe('online breaks (≥ 10 min)', () => {
  it('at the boundary', () => {
    const online = { mode: 'online' as const, startTime: '18:40', endTime: '19:10' };
    expect(lessonRules({ ...online, previousEndTime: '18:30' })).toEqual([]);
    expect(lessonRules({ ...online, previousEndTime: '18:31' })).toEqual(['error:online_break']);
    expect(lessonRules({ ...online, previousEndTime: null })).toEqual([]);
    const [f] = checkLessonRules(lesson({ ...online, previousEndTime: '18:35' }), lessons, schoolDay, V);
    expect(f?.message).toBe('与上一节线上课（18:35结束）间隔5分钟，少于10分钟');
    expect(lessonRules({ ...online, previousEndTime: '18:50' })).toEqual(['error:online_break']);
  });
  it('does not apply offline', () => {
    expect(lessonRules({ startTime: '18:40', endTime: '19:20', previousEndTime: '18:39' })).toEqual([]);
  });
});

describe('end time (offline by 20:30, online by 21:00)', () => {
  it('allows ending exactly at the limit, refuses a minute later', () => {
    expect(lessonRules({ startTime: '19:45', endTime: '20:30' })).toEqual([]);
    expect(lessonRules({ startTime: '19:46', endTime: '20:31' })).toEqual(['error:end_time_offline']);
    expect(lessonRules({ mode: 'online', startTime: '20:30', endTime: '21:00' })).toEqual([]);
    expect(lessonRules({ mode: 'online', startTime: '20:31', endTime: '21:01' })).toEqual(['error:end_time_online']);
  });
  it('warns 非学科类', () => {
    expect(lessonRules({ category: 'non_subject', startTime: '20:00', endTime: '20:45' })).toEqual(['warning:end_time_offline']);
  });
  it('cites the end time in force', () => {
    const [f] = checkLessonRules(lesson({ startTime: '20:00', endTime: '20:45' }), lessons, schoolDay, V);
    expect(f?.message).toBe('20:45结束，晚于线下培训最晚结束时间20:30');
    expect(f?.citation.text).toBe('线下培训结束时间不晚于20:30');
  });
});

describe('学科类 days: no weekends, statutory holidays, vacations', () => {
  it('refuses each, with the day named', () => {
    expect(lessonRules({ date: '2026-11-28' }, { weekend: true, holiday: null, vacation: null })).toEqual(['error:subject_weekend']);
    expect(lessonRules({ date: '2026-10-01' }, { weekend: false, holiday: '国庆节', vacation: null })).toEqual(['error:subject_holiday']);
    expect(lessonRules({ date: '2027-01-25' }, { weekend: false, holiday: null, vacation: '寒假' })).toEqual(['error:subject_vacation']);
    expect(lessonRules({ date: '2027-01-23' }, { weekend: true, holiday: null, vacation: '寒假' })).toEqual(['error:subject_weekend', 'error:subject_vacation']);
    const [f] = checkLessonRules(lesson({ date: '2026-11-28' }), lessons, { weekend: true, holiday: null, vacation: null }, V);
    expect(f?.message).toBe('2026-11-28是休息日（周末），不得开展学科类培训');
  });
  it('names the weekday of a weekly entry', () => {
    const [f] = checkLessonRules(lesson({ date: null, weekday: 6 }), lessons, { weekend: true, holiday: null, vacation: null }, V);
    expect(f?.message).toBe('每周六是休息日（周末），不得开展学科类培训');
  });
  it('lets 非学科类 run on any day', () => {
    expect(lessonRules({ category: 'non_subject' }, { weekend: true, holiday: '国庆节', vacation: '暑假' })).toEqual([]);
  });
  it('follows the setting switches', () => {
    const off = { ...lessons, subjectNoWeekends: false };
    expect(checkLessonRules(lesson(), off, { weekend: true, holiday: null, vacation: null }, V)).toEqual([]);
  });
});

describe('prepaid packages (≤ 3 months, ≤ 60 lessons)', () => {
  const pkgRules = (lessonsCount: number, months: number) => checkPackageRules({ lessons: lessonsCount, months }, packages, V).map((f) => f.rule);
  it('at the boundaries', () => {
    expect(pkgRules(60, 3)).toEqual([]);
    expect(pkgRules(61, 3)).toEqual(['package_lessons']);
    expect(pkgRules(60, 4)).toEqual(['package_months']);
    expect(pkgRules(61, 4)).toEqual(['package_lessons', 'package_months']);
  });
  it('cites the limits', () => {
    const [f] = checkPackageRules({ lessons: 72, months: 3 }, packages, V);
    expect(f?.message).toBe('一次收取72课时的费用，超过上限60课时');
    expect(f?.citation).toMatchObject({ key: 'training.packages', version: 0, text: '一次收费时间跨度不超过3个月，且不超过60课时' });
  });
});

describe('学科类 institutions are non-profit', () => {
  it('refuses a for-profit 学科类 institution only', () => {
    expect(checkInstitutionRules({ offersSubject: true, legalForm: 'for_profit' }).map((f) => f.rule)).toEqual(['subject_non_profit']);
    expect(checkInstitutionRules({ offersSubject: true, legalForm: 'non_profit' })).toEqual([]);
    expect(checkInstitutionRules({ offersSubject: false, legalForm: 'for_profit' })).toEqual([]);
    expect(checkInstitutionRules({ offersSubject: true, legalForm: 'for_profit' })[0]?.citation.key).toBe('national');
  });
});
