import { describe, expect, it } from 'vitest';
import { checkThresholds, listOf, ranks, rateOf, round1, schoolOutcome, scoreOf, sharesOf, totalOf, type SheetIndicator } from './index';

describe('scoreOf: a figure becomes a 0–100 score', () => {
  it('rate: rate × 100, one decimal', () => {
    expect(scoreOf('rate', 0.876, null)).toBe(87.6);
    expect(scoreOf('rate', 2 / 3, null)).toBe(66.7);
    expect(scoreOf('rate', 1, null)).toBe(100);
    expect(scoreOf('rate', 0, null)).toBe(0);
  });
  it('target: rate over the target, capped at 100', () => {
    expect(scoreOf('target', 0.72, 0.9)).toBe(80);
    expect(scoreOf('target', 0.9, 0.9)).toBe(100);
    expect(scoreOf('target', 0.95, 0.9)).toBe(100);
    expect(scoreOf('target', 0.5, 0.8)).toBe(62.5);
  });
  it('inverse: (1 − rate) × 100 for lower-is-better figures', () => {
    expect(scoreOf('inverse', 0.15, null)).toBe(85);
    expect(scoreOf('inverse', 0, null)).toBe(100);
    expect(scoreOf('inverse', 1, null)).toBe(0);
  });
  it('pass: 100 when the rate reaches the target, else 0', () => {
    expect(scoreOf('pass', 0.9, 0.9)).toBe(100);
    expect(scoreOf('pass', 0.89, 0.9)).toBe(0);
    expect(scoreOf('pass', 1, 1)).toBe(100);
  });
  it('cap: 100 when the rate stays at or under the target, else 0', () => {
    expect(scoreOf('cap', 0.05, 0.05)).toBe(100);
    expect(scoreOf('cap', 0.06, 0.05)).toBe(0);
    expect(scoreOf('cap', 0, 0)).toBe(100);
  });
  it('a zero denominator is no rate and no score (missing), not 0', () => {
    expect(rateOf(3, 0)).toBeNull();
    expect(rateOf(0, 4)).toBe(0);
    for (const f of ['rate', 'target', 'inverse', 'pass', 'cap'] as const) expect(scoreOf(f, null, 0.9)).toBeNull();
  });
  it('a formula that needs a target and has none gives no score; rates past 1 are capped at 100', () => {
    expect(scoreOf('target', 0.5, null)).toBeNull();
    expect(scoreOf('pass', 0.5, null)).toBeNull();
    expect(scoreOf('cap', 0.5, null)).toBeNull();
    expect(scoreOf('rate', 1.2, null)).toBe(100);
    expect(scoreOf('inverse', 1.2, null)).toBe(0);
  });
});

describe('totalOf: the weighted total', () => {
  const sheet = [
    { id: 'a', weight: 30 },
    { id: 'b', weight: 20 },
    { id: 'c', weight: 50 },
  ];
  it('Σ weight × score / Σ weight (30×80 + 20×90 + 50×70) / 100 = 77', () => {
    expect(totalOf(sheet, { a: 80, b: 90, c: 70 })).toBe(77);
    expect(sharesOf([30, 20, 50])).toEqual([0.3, 0.2, 0.5]);
  });
  it('weights need not sum to 100: 3, 2, 5 give the same total', () => {
    expect(totalOf(sheet.map((i) => ({ ...i, weight: i.weight / 10 })), { a: 80, b: 90, c: 70 })).toBe(77);
  });
  it('a missing score is left out and the other weights renormalised: (30×80 + 50×70) / 80 = 73.75 → 73.8', () => {
    expect(totalOf(sheet, { a: 80, b: null, c: 70 })).toBe(73.8);
    expect(totalOf(sheet, { a: 80, c: 70 })).toBe(73.8);
  });
  it('no score at all: no total', () => {
    expect(totalOf(sheet, { a: null, b: null })).toBeNull();
    expect(totalOf([], {})).toBeNull();
  });
  it('one decimal: (1×100 + 2×66.7) / 3 = 77.8', () => {
    expect(totalOf([{ id: 'x', weight: 1 }, { id: 'y', weight: 2 }], { x: 100, y: 66.7 })).toBe(77.8);
    expect(round1(84.25)).toBe(84.3);
    expect(round1(84.249)).toBe(84.2);
  });
});

describe('listOf: red ≥ 90, yellow below 70, black below 60', () => {
  const t = { redMin: 90, yellowBelow: 70, blackBelow: 60 };
  it('places totals at and around the lines', () => {
    expect(listOf(100, t)).toBe('red');
    expect(listOf(90, t)).toBe('red');
    expect(listOf(89.9, t)).toBeNull();
    expect(listOf(70, t)).toBeNull();
    expect(listOf(69.9, t)).toBe('yellow');
    expect(listOf(60, t)).toBe('yellow');
    expect(listOf(59.9, t)).toBe('black');
    expect(listOf(0, t)).toBe('black');
    expect(listOf(null, t)).toBeNull();
  });
  it('equal yellow and black lines: no yellow list, only black', () => {
    expect(listOf(65, { redMin: 90, yellowBelow: 70, blackBelow: 70 })).toBe('black');
  });
  it('thresholds must be ordered and within 0–100', () => {
    expect(checkThresholds(t)).toBeNull();
    expect(checkThresholds({ redMin: 60, yellowBelow: 70, blackBelow: 50 })?.field).toBe('yellowBelow');
    expect(checkThresholds({ redMin: 90, yellowBelow: 70, blackBelow: 75 })?.field).toBe('blackBelow');
    expect(checkThresholds({ redMin: 101, yellowBelow: 70, blackBelow: 60 })?.field).toBe('redMin');
  });
});

describe('ranks: highest first, ties share a rank', () => {
  it('100, 90, 90, 80 → 1, 2, 2, 4', () => {
    expect(ranks([100, 90, 90, 80])).toEqual([1, 2, 2, 4]);
  });
  it('keeps the input order and leaves a school without a total unranked', () => {
    expect(ranks([80, 95, 80, null, 70])).toEqual([2, 1, 2, null, 4]);
    expect(ranks([50, 50, 50])).toEqual([1, 1, 1]);
    expect(ranks([])).toEqual([]);
  });
});

describe('schoolOutcome: one school on the sheet', () => {
  const sheet: SheetIndicator[] = [
    { id: 'hw', weight: 40, kind: 'metric', metric: 'homework.withinLimit', formula: 'target', target: 0.9 },
    { id: 'over', weight: 20, kind: 'metric', metric: 'homework.overloadedDays', formula: 'inverse', target: null },
    { id: 'visit', weight: 10, kind: 'metric', metric: 'homeSchool.visitCoverage', formula: 'rate', target: null },
    { id: 'insp', weight: 30, kind: 'inspector', metric: null, formula: null, target: null },
  ];
  it('figures, scores and the total by hand: 40×80 + 20×90 + 10×50 + 30×85 = 8050 / 100 = 80.5', () => {
    const o = schoolOutcome(sheet, { 'homework.withinLimit': { num: 72, den: 100 }, 'homework.overloadedDays': { num: 5, den: 50 }, 'homeSchool.visitCoverage': { num: 20, den: 40 } }, { insp: 85 });
    expect(o.detail.hw).toEqual({ num: 72, den: 100, rate: 0.72, score: 80 });
    expect(o.detail.over).toEqual({ num: 5, den: 50, rate: 0.1, score: 90 });
    expect(o.detail.insp).toEqual({ num: null, den: null, rate: null, score: 85 });
    expect(o.total).toBe(80.5);
    expect(o.missing).toBe(0);
  });
  it('a figure with den 0 (no visits to cover) is left out: (40×80 + 20×90 + 30×85) / 90 = 83.9', () => {
    const o = schoolOutcome(sheet, { 'homework.withinLimit': { num: 72, den: 100 }, 'homework.overloadedDays': { num: 5, den: 50 } }, { insp: 85 });
    expect(o.detail.visit).toEqual({ num: 0, den: 0, rate: null, score: null });
    expect(o.total).toBe(83.9);
  });
  it('an inspector score not yet given is counted missing and left out of the total', () => {
    const o = schoolOutcome(sheet, { 'homework.withinLimit': { num: 90, den: 100 }, 'homework.overloadedDays': { num: 0, den: 50 }, 'homeSchool.visitCoverage': { num: 40, den: 40 } }, {});
    expect(o.missing).toBe(1);
    expect(o.detail.insp?.score).toBeNull();
    expect(o.total).toBe(100);
  });
});
