import { describe, expect, it } from 'vitest';
import type { Workbook } from '../../src/core/model';
import { generateNarrative, narrativeFigures, type NarrativeSpec, type ParagraphSpec } from '../../src/core/narrative';
import { renderParagraph, tidyPunctuation } from '../../src/core/narrative/render';
import { loadSeedWorkbook, SEED_IDS, type SeedId } from '../support/seeds';

/**
 * Issue 11, item 7: what the narrative prints when a figure or a fact is absent. No sentence starts with a stray
 * "，" or ends with "；"; an empty 资产数据截至 (assets.asOf) leaves its phrase out; the department's name is not
 * doubled ("…局部门", "本级本级"); Shaanxi's "包括：" is never left with nothing after it. The seeds' own sentences
 * are unchanged (tests/unit/narrative-seeds.test.ts lists where ours deliberately differ from them).
 */
const paragraphs = (workbook: Workbook, seed: SeedId) => generateNarrative(workbook, seed).sections.flatMap((section) => section.paragraphs);
const sectionOf = (workbook: Workbook, seed: SeedId, heading: string) => generateNarrative(workbook, seed).sections.find((section) => section.heading === heading)!;

function withoutPrior(seed: SeedId, ...keys: string[]): Workbook {
  const workbook = loadSeedWorkbook(seed);
  const figures = { ...workbook.priorYear.figures };
  for (const key of keys) delete figures[key];
  return { ...workbook, priorYear: { ...workbook.priorYear, figures } };
}

/** Sentences the template writes (not the clerk's texts, which print as typed). */
const GENERATED: Record<SeedId, string[]> = {
  'henan-2024': ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '（一）', '（二）', '（三）', '（五）'],
  'hebei-2024': ['二、', '1、收入', '2、支出', '3、比上年', '三、', '四、', '九、'],
  'shaanxi-2024': ['三、', '四、', '(一)', '(二)', '1、一般', '2、支出', '(1)', '(2)', '（四）', '（五）', '六、', '七、', '八、', '九、', '十、'],
};

function generated(workbook: Workbook, seed: SeedId): string[] {
  return generateNarrative(workbook, seed)
    .sections.filter((section) => GENERATED[seed].some((prefix) => section.heading.startsWith(prefix)))
    .flatMap((section) => section.paragraphs);
}

describe('stray punctuation where a figure is absent', () => {
  it('Henan 四 ends with a full stop when the last comparison has no prior figure', () => {
    const heading = '四、财政拨款收入支出总体情况说明';
    const [full] = sectionOf(loadSeedWorkbook('henan-2024'), 'henan-2024', heading).paragraphs;
    expect(full).toMatch(/国有资本经营收支预算与上年持平，无增减变动。$/);
    const [text] = sectionOf(withoutPrior('henan-2024', 'fiscal.capital'), 'henan-2024', heading).paragraphs;
    expect(text).toMatch(/政府性基金收支预算增加761\.20万元，增长368\.62%，主要原因：[^；]*。$/);
    expect(text).not.toMatch(/；$/);
    // Only the first comparison left: still one sentence ending in "。".
    const [alone] = sectionOf(withoutPrior('henan-2024', 'fiscal.capital', 'fiscal.fund'), 'henan-2024', heading).paragraphs;
    expect(alone).toMatch(/与2023年相比，一般公共预算收支预算减少1140\.30万元，下降17\.18%，主要原因：[^；]*。$/);
  });

  it('no generated sentence of any seed starts with "，" or ends with "；" or "，", with or without last year’s figures', () => {
    for (const seed of SEED_IDS) {
      const bare = loadSeedWorkbook(seed);
      const variants: Workbook[] = [
        bare,
        { ...bare, priorYear: { ...bare.priorYear, figures: {} } },
        { ...bare, texts: { ...bare.texts, reasons: {} }, assets: { ...bare.assets, asOf: '' } },
      ];
      for (const workbook of variants) {
        for (const paragraph of generated(workbook, seed)) {
          expect(paragraph, seed).not.toMatch(/^[，；、]/);
          expect(paragraph, seed).not.toMatch(/[；，、]$/);
          expect(paragraph, seed).not.toMatch(/[，；、][，；。]/);
        }
      }
    }
  });

  it('tidies the punctuation a vanished group leaves, and nothing else', () => {
    expect(tidyPunctuation('，某局共有车辆2辆。')).toBe('某局共有车辆2辆。');
    expect(tidyPunctuation('收支预算减少1万元；')).toBe('收支预算减少1万元。');
    expect(tidyPunctuation('其中：基本支出1万元，；项目支出2万元，。')).toBe('其中：基本支出1万元；项目支出2万元。');
    expect(tidyPunctuation('共有 3 个，包括：')).toBe('共有 3 个，包括：');
    const published = '济源产城融合示范区医疗保障局2024年收入合计6465.30万元，其中：一般公共预算收入5497.60万元；政府性基金收入967.70万元。';
    expect(tidyPunctuation(published)).toBe(published);
  });
});

describe('资产数据截至 (assets.asOf)', () => {
  const heading = '（五）国有资产占用情况';

  it('prints the date the clerk gave', () => {
    expect(sectionOf(loadSeedWorkbook('henan-2024'), 'henan-2024', heading).paragraphs[0]).toMatch(/^2023年期末，济源产城融合示范区医疗保障局共有车辆2辆/);
  });

  it('leaves the phrase out when it is empty: the sentence starts with the department', () => {
    const workbook = loadSeedWorkbook('henan-2024');
    const [text] = sectionOf({ ...workbook, assets: { ...workbook.assets, asOf: '' } }, 'henan-2024', heading).paragraphs;
    expect(text).toMatch(/^济源产城融合示范区医疗保障局共有车辆2辆，其中：一般公务用车2辆/);
  });
});

describe('the department’s name, not doubled', () => {
  it('never prints 部门 after a name that already is the department (…局部门)', () => {
    for (const seed of SEED_IDS) {
      const workbook = loadSeedWorkbook(seed);
      const name = workbook.department.name;
      for (const paragraph of generated(workbook, seed)) expect(paragraph, seed).not.toContain(`${name}部门`);
    }
    // The whole Henan narrative (its 机构设置 text, which the package prints apart, says 局部门 as the clerk typed it).
    expect(paragraphs(loadSeedWorkbook('henan-2024'), 'henan-2024').join('')).not.toContain('医疗保障局部门');
  });

  it('drops the repeated word where a name already ends with what the template prints after it (本级本级)', () => {
    const workbook = loadSeedWorkbook('hebei-2024');
    const spec: NarrativeSpec = {
      title: [],
      money: { unit: 'wan', style: 'fixed' },
      comparisons: { default: { up: '', down: '', same: '', fromZero: '', reason: '' } },
      sections: [],
    };
    const render = (paragraph: ParagraphSpec, book: Workbook) => renderParagraph(paragraph, { spec, workbook: book, figures: narrativeFigures(book, { conventions: { operatingCostUnits: 'all' } }) });
    const renamed = (name: string) => ({ ...workbook, department: { ...workbook.department, name } });
    expect(render('{dept}本级预算', renamed('邢台市医疗保障局本级'))).toEqual(['邢台市医疗保障局本级预算']);
    expect(render('{dept}本级预算', renamed('邢台市医疗保障局'))).toEqual(['邢台市医疗保障局本级预算']);
    expect(render('{dept}部门概况', renamed('某县教育部门'))).toEqual(['某县教育部门概况']);
    // Other words are left alone.
    expect(render('{dept}局属单位', renamed('某某局'))).toEqual(['某某局局属单位']);
  });
});

describe('Shaanxi 三、预算单位构成', () => {
  const heading = '三、预算单位构成';

  it('“包括：” is followed by the units (the package prints the units table right after it)', () => {
    expect(sectionOf(loadSeedWorkbook('shaanxi-2024'), 'shaanxi-2024', heading).paragraphs[1]).toBe('纳入本部门当年部门预算编制范围的二级预算单位共有 3 个，包括：');
  });

  it('without units the sentence ends: no “包括：” with nothing after it', () => {
    const workbook = loadSeedWorkbook('shaanxi-2024');
    expect(sectionOf({ ...workbook, units: [] }, 'shaanxi-2024', heading).paragraphs[1]).toBe('纳入本部门当年部门预算编制范围的二级预算单位共有 0 个。');
  });
});
