import { NO_HITS, type Hit, type Rule } from '../types';
import { projectAt, workbookRule } from './define';

/** What a character of a code is: a digit, a letter, or itself (a separator). */
function classOf(char: string): string {
  if (char >= '0' && char <= '9') return '9';
  if (/[A-Za-z]/.test(char)) return 'A';
  return char;
}

/** With fewer projects than this there is no department habit to compare with. */
const MIN_PROJECTS = 3;

/**
 * Project codes of one department share a length held by more than half of them, and at every position
 * where all the other codes have a digit or the same separator a code has it too (a letter O for a 0, a
 * missing "-"). Letters are not required: check characters are letters or digits (Hebei's codes).
 */
function oddCodes(codes: string[]): { index: number; example: string }[] {
  const byLength = new Map<number, number>();
  for (const code of codes) byLength.set(code.length, (byLength.get(code.length) ?? 0) + 1);
  let usual: number | undefined;
  for (const [length, count] of byLength) if (count * 2 > codes.length) usual = length;
  if (usual === undefined) return [];
  const alike = codes.filter((code) => code.length === usual);
  const example = alike[0] ?? '';
  // Per position: how many codes of the usual length have each class there.
  const counts = Array.from({ length: usual }, () => new Map<string, number>());
  for (const code of alike) [...code].forEach((char, position) => counts[position]?.set(classOf(char), (counts[position]?.get(classOf(char)) ?? 0) + 1));
  const odd: { index: number; example: string }[] = [];
  codes.forEach((code, index) => {
    if (code.length !== usual) {
      odd.push({ index, example });
      return;
    }
    const differs = [...code].some((char, position) => {
      const classes = counts[position];
      const own = classOf(char);
      // The others (this code left out) all share one class, and it is not this one.
      const others = [...(classes ?? [])].filter(([kind, count]) => (kind === own ? count - 1 : count) > 0);
      if (others.length !== 1 || (others[0]?.[1] ?? 0) < 2) return false;
      const shared = others[0]?.[0];
      // A digit where the others have letters is let pass: check characters are letters or digits.
      return shared !== own && shared !== 'A';
    });
    if (differs) odd.push({ index, example: alike.find((other) => other !== code) ?? example });
  });
  return odd;
}

export const projectCodeRules: Rule[] = [
  workbookRule({
    id: 'project.codeFormat',
    severity: 'warning',
    messageKey: 'checks:projectCodeFormat',
    description:
      "A department's project codes share one form: the length more than half of them have (at least 3 projects), and a digit, letter or separator wherever all the others have one. A code unlike that is usually mistyped (a digit too many) or from another system.",
    evaluate: ({ workbook }) => {
      const coded = workbook.projects.filter((project) => project.code.trim() !== '');
      if (coded.length < MIN_PROJECTS) return NO_HITS;
      const codes = coded.map((project) => project.code.trim());
      const odd = oddCodes(codes);
      if (odd.length === 0) return NO_HITS;
      return odd.map(({ index, example }): Hit => {
        const project = coded[index]!;
        const code = codes[index] ?? '';
        return {
          params: { project: project.name, code, length: code.length, example, usualLength: example.length },
          location: projectAt(project.id, 'code'),
        };
      });
    },
  }),
];
