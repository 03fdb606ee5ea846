/**
 * Demo pupils' 居民身份证号 and 家庭住址: numbers of 小店区 (140105) that pass the check digit and carry each pupil's birth
 * date and gender, and addresses of the district's streets. A few pupils have none (from Hong Kong, Macao, Taiwan or
 * abroad). Its own random stream, so the rest of the demo district stays as it was.
 */
import { makeIdNumber } from '@shuangjian/policy';
import { rng } from './names';

const REGION = '140105';
const STREETS = ['平阳路', '长治路', '学府街', '亲贤北街', '南内环街', '坞城路', '体育路', '龙城大街', '北营路', '许坦东街', '并州南路', '真武路'];
const ESTATES = ['阳光小区', '和平苑', '金域华府', '书香园', '滨河花园', '文华苑', '龙城名都', '学府家园'];

export function demoIdentities(seed = 20260902) {
  const next = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  // the order digits of a birth date: odd for a boy, even for a girl, one number per pupil
  const ordersOf = new Map<string, number>();
  return (pupil: { birthDate: string; gender: 'M' | 'F' }) => {
    const hasId = next() < 0.94;
    const hasAddress = next() < 0.96;
    const used = ordersOf.get(pupil.birthDate) ?? 0;
    ordersOf.set(pupil.birthDate, used + 1);
    const order = 10 + used * 2 + (pupil.gender === 'M' ? 1 : 0);
    const address = `小店区${pick(STREETS)}${1 + Math.floor(next() * 300)}号${pick(ESTATES)}${1 + Math.floor(next() * 20)}号楼${1 + Math.floor(next() * 4)}单元${1 + Math.floor(next() * 18)}0${1 + Math.floor(next() * 4)}室`;
    return { idNumber: hasId ? makeIdNumber(REGION, pupil.birthDate, order) : null, address: hasAddress ? address : null };
  };
}
