import { mulberry32 } from '@shuangjian/policy';
/** Deterministic numbers for demo and synthetic data: the policy package's mulberry32 (the lottery's PRNG). */
export const rng = (seed: number) => mulberry32(seed);

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '子涵欣怡梓轩浩然雨桐一诺思远佳怡宇轩若曦俊杰梦琪嘉怡博文诗涵晨阳欣然天佑雅琪明轩可馨志强文静思彤泽宇雨欣书瑶浩宇语嫣锦程紫萱睿哲悦然铭泽';
const ADULT_GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧建国建华红梅海燕志刚玉兰桂英晓东春梅国强';

export function personName(next: () => number, adult = false): string {
  const surname = SURNAMES[Math.floor(next() * SURNAMES.length)]!;
  const pool = adult ? ADULT_GIVEN : GIVEN;
  const len = next() < (adult ? 0.5 : 0.7) ? 2 : 1;
  let given = '';
  for (let i = 0; i < len; i++) given += pool[Math.floor(next() * pool.length)]!;
  return surname + given;
}

export function surnameOf(name: string): string {
  return name[0]!;
}
