/**
 * 禁止的作业内容 (双减 §5: 不得布置或变相布置需要家长完成或家长检查、批改的作业; 杜绝要求家长代阅作业; 严禁要求学生自批自改).
 * Two kinds of match, both district settings: explicit phrases (自批自改, 家长代做 …) found anywhere, and a pattern — a
 * parent word followed, within one clause and at most `maxGap` characters later, by a check/mark/sign/read-for word
 * (请家长签字, 家长检查并签字, 请家长监督孩子完成并签字). A negation right before the parent word (无需家长签字) lifts it.
 */

/** The pattern half of homework.forbiddenPatterns. */
export interface ForbiddenPatterns {
  /** Who must not be asked: 家长, 父母, 爸爸, 妈妈 … */
  parentWords: string[];
  /** What they must not be asked to do: 检查, 批改, 签字, 代阅 … */
  actionWords: string[];
  /** Characters allowed between the parent word and the action word, within one clause. */
  maxGap: number;
  /** Words that, just before the parent word (at most 2 characters apart), say the opposite: 无需, 不用 … */
  negations: string[];
}

export const defaultForbiddenPatterns: ForbiddenPatterns = {
  parentWords: ['家长', '父母', '爸爸', '妈妈', '爸妈', '监护人'],
  actionWords: ['批改', '批阅', '阅改', '检查', '签字', '签名', '代阅', '代做', '代写', '代笔', '打分', '评分', '判分', '评阅'],
  maxGap: 10,
  negations: ['无需', '无须', '不需', '不用', '不必', '不要求', '请勿', '勿', '不得'],
};

/** Clause ends: a check never joins words across them. Enumeration marks (、) and quotes stay inside a clause. */
const CLAUSE_END = /[，。；！？,.;!?\n\r：:]+/;
/** Spaces and the punctuation that may sit inside a clause ("签字、批改", "（签字）"). */
const INSIDE = /[\s、"'“”‘’（）()【】[\]《》<>·…—-]/g;

const normalize = (text: string) => text.replace(/[\s，。、；：,.;:"'“”‘’（）()【】[\]]/g, '');

/** Explicit phrases found in the text (spaces and punctuation ignored). */
export function forbiddenPhrasesIn(content: string, phrases: readonly string[]): string[] {
  const text = normalize(content);
  return dropContained(phrases.filter((p) => p && text.includes(normalize(p))));
}

/** Pattern matches in the text, each from the parent word to the end of the action word ("家长监督孩子完成并签字"). */
export function forbiddenPatternsIn(content: string, patterns: ForbiddenPatterns): string[] {
  const parents = patterns.parentWords.filter(Boolean);
  const actions = patterns.actionWords.filter(Boolean);
  if (!parents.length || !actions.length) return [];
  const hits: string[] = [];
  for (const raw of content.split(CLAUSE_END)) {
    const clause = raw.replace(INSIDE, '');
    for (const parent of parents) {
      for (let at = clause.indexOf(parent); at >= 0; at = clause.indexOf(parent, at + 1)) {
        if (negated(clause, at, patterns.negations)) continue;
        const after = at + parent.length;
        let best: { end: number } | null = null;
        for (const action of actions) {
          const found = clause.indexOf(action, after);
          if (found < 0 || found - after > patterns.maxGap) continue;
          // the nearest action word; of two starting together, the longer
          if (!best || found + action.length < best.end) best = { end: found + action.length };
        }
        if (best) hits.push(clause.slice(at, best.end));
      }
    }
  }
  return dropContained(hits);
}

function negated(clause: string, at: number, negations: readonly string[]): boolean {
  const before = clause.slice(Math.max(0, at - 6), at);
  return negations.some((n) => {
    if (!n) return false;
    const i = before.lastIndexOf(n);
    return i >= 0 && before.length - (i + n.length) <= 2;
  });
}

/** Unique hits, a hit inside a longer one dropped. */
function dropContained(hits: readonly string[]): string[] {
  const unique = [...new Set(hits)];
  return unique.filter((p) => !unique.some((q) => q !== p && normalize(q).includes(normalize(p))));
}

/** Every forbidden phrase of an item's text: explicit phrases and pattern matches, a match inside a longer one dropped. */
export function forbiddenContentIn(content: string, phrases: readonly string[], patterns: ForbiddenPatterns | undefined): string[] {
  return dropContained([...forbiddenPhrasesIn(content, phrases), ...(patterns ? forbiddenPatternsIn(content, patterns) : [])]);
}
