/**
 * How quickly a guesser would find a password: zxcvbn's estimate with its maintained dictionaries of common passwords,
 * names and keyboard patterns, told the account's own words too. Loaded on first use (the dictionaries take ~1 MB).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** zxcvbn's 0–4 scale: 3 = "safely unguessable" (about 10^8 guesses), what an online and slow-hash attack must beat. */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

export function passwordScore(password: string, accountWords: readonly string[] = []): number {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator.check(password, accountWords.filter(Boolean) as string[]).score;
}

export function isGuessable(password: string, accountWords: readonly string[] = []): boolean {
  return passwordScore(password, accountWords) < MIN_PASSWORD_SCORE;
}
