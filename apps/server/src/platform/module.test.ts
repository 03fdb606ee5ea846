import { afterSchoolSettings, examsSettings, fiveManagementsSettings, homeSchoolSettings, homeworkSettings, timetableSettings, trainingSettings } from '@shuangjian/policy';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../app';
import { collectModules } from './module';

const noRoutes = () => undefined;

describe('module registration', () => {
  it("collects every module's constraint messages and policy settings, every module's included", () => {
    const { constraintMessages, policies } = collectModules(MODULES);
    expect(Object.keys(policies).sort()).toEqual([...Object.keys(homeworkSettings), ...Object.keys(afterSchoolSettings), ...Object.keys(trainingSettings), ...Object.keys(fiveManagementsSettings), ...Object.keys(examsSettings), ...Object.keys(timetableSettings), ...Object.keys(homeSchoolSettings)].sort());
    expect(constraintMessages.after_school_enrolments_live_uq).toBeDefined();
    expect(constraintMessages.training_courses_name_uq).toBeDefined();
    expect(constraintMessages.students_no_uq).toBe('学号已存在');
    expect(constraintMessages.semesters_term_uq).toBeDefined();
  });

  it("refuses a policy key outside the module's own prefix, and a constraint named twice", () => {
    const setting = homeworkSettings['homework.bedtime'];
    expect(() => collectModules([{ name: 'afterschool', policies: { 'homework.bedtime': setting }, routes: noRoutes }])).toThrow(/must start with "afterschool\."/);
    expect(() =>
      collectModules([
        { name: 'a', constraintMessages: { x_uq: '重复' }, routes: noRoutes },
        { name: 'b', constraintMessages: { x_uq: '重复' }, routes: noRoutes },
      ]),
    ).toThrow(/registered twice/);
  });
});
