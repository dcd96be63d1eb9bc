import { builtinCatalogFiles } from '../../catalog/builtin';
import { FUND_LEAVES, fundIsUnder } from '../../funds';
import type { Nature, ProjectType } from '../../model';
import type { LineFilter, Measure } from '../../tables/spec';
import { normalizeLabel, normalizeText } from './cells';

/**
 * What a printed heading or row label means as a sum of lines: the words provinces print for fund sources,
 * expenditure natures, project types and the economic and function classifications (their names from the
 * catalogues), composed along a header path ("上年结转结余 › 一般公共预算" is carried-over general budget money)
 * into line filters. Words can be read more than one way (财政拨款 in the narrow or the broad sense, a fund
 * column with or without its carry-over): every reading is returned, the likeliest first, and the proof keeps
 * the one the numbers confirm.
 */

type Atom =
  | { kind: 'fund'; funds: string[] }
  /** 财政拨款: 一般公共预算's own appropriation below a 一般公共预算 heading, else the three fiscal budgets. */
  | { kind: 'fiscal' }
  | { kind: 'carry' }
  | { kind: 'thisYear' }
  | { kind: 'nature'; natures: Nature[] }
  | { kind: 'basicPart'; part: 'personnel' | 'public' }
  | { kind: 'projectTypes'; types: ProjectType[] }
  | { kind: 'deptEcon'; codes: string[] }
  | { kind: 'govEcon'; codes: string[] }
  | { kind: 'function'; codes: string[] }
  /** Words that name a total and add no condition (合计, 小计, 金额, 预算数 …). */
  | { kind: 'neutral' }
  /** The side of a 收支 table a heading stands over. */
  | { kind: 'side'; side: 'income' | 'budget' };

const FISCAL = ['gen', 'fund', 'capital'];
const THIS_YEAR = ['gen', 'fund', 'capital', 'specialAccount', 'unit'];
const CARRY_OF: Record<string, string> = { gen: 'carry.gen', fund: 'carry.fund', capital: 'carry.capital', specialAccount: 'carry.specialAccount', unit: 'carry.unit' };

const fund = (...funds: string[]): Atom[][] => [[{ kind: 'fund', funds }]];
const nature = (...natures: Nature[]): Atom[][] => [[{ kind: 'nature', natures }]];
const deptEcon = (...codes: string[]): Atom[][] => [[{ kind: 'deptEcon', codes }]];
const NEUTRAL: Atom[][] = [[{ kind: 'neutral' }]];

/** Words as provinces print them. Longer words win over the shorter ones they contain. */
const WORDS: [string[], Atom[][]][] = [
  // Totals.
  [['合计', '小计', '总计', '金额', '预算数', '预算金额', '本年预算数', '预算额', '资金总额', '项目金额', '实施期资金总额', '年度资金总额', '金额合计', '总额', '计'], NEUTRAL],
  [['收入', '收入预算', '本年收入合计'], [[{ kind: 'side', side: 'income' }]]],
  [['支出', '支出预算', '本年支出合计'], [[{ kind: 'side', side: 'budget' }]]],
  // Fund sources.
  [['一般公共预算', '一般公共预算拨款', '一般公共预算资金', '公共财政拨款', '公共预算', '一般公共预算收入', '一般公共预算拨款收入'], fund('gen')],
  [['财政拨款', '财政拨款收入', '财政拨款资金', '财政资金', '财政性资金'], [[{ kind: 'fiscal' }]]],
  [['政府预算资金', '政府预算拨款'], fund(...FISCAL)],
  [['政府性基金', '政府性基金预算', '政府性基金拨款', '基金预算拨款', '政府性基金预算拨款', '政府性基金预算拨款收入', '政府性基金收入', '基金预算'], fund('fund')],
  [['国有资本经营', '国有资本经营预算', '国有资本经营预算拨款', '国有资本经营预算收入', '国有资本经营预算拨款收入', '国有资本经营收入'], fund('capital')],
  [['财政专户', '财政专户管理资金', '财政专户管理资金收入', '财政专户核拨', '财政专户收入', '财政专户资金', '纳入专户管理的非税收入'], fund('specialAccount')],
  [['单位资金', '单位自有资金'], fund('unit')],
  [['其他资金', '非财政拨款资金'], [[{ kind: 'fund', funds: ['specialAccount', 'unit'] }], [{ kind: 'fund', funds: ['unit'] }]]],
  [['事业收入'], fund('unit.business')],
  [['事业单位经营收入', '经营收入'], fund('unit.operating')],
  [['上级补助收入'], fund('unit.upperSubsidy')],
  [['附属单位上缴收入'], fund('unit.affiliate')],
  [['其他收入'], [[{ kind: 'fund', funds: ['unit.other'] }], [{ kind: 'fund', funds: ['unit.other', 'unit.careerFund'] }]]],
  [['用事业基金弥补收支差额', '用事业基金弥补收支缺口'], fund('unit.careerFund')],
  [['专项收入'], fund('gen.special')],
  [['行政事业性收费', '行政事业性收费收入'], fund('gen.fee')],
  [['国有资产资源有偿使用收入'], fund('gen.asset')],
  [['其他一般公共预算资金'], fund('gen.other')],
  [['一般债券'], fund('gen.bond')],
  [['政府性基金预算资金'], fund('fund.regular')],
  [['专项债券'], fund('fund.bond')],
  [['上级提前下达'], [[{ kind: 'fund', funds: ['gen.upperAdvance'] }], [{ kind: 'fund', funds: ['fund.upperAdvance'] }]]],
  [['上年结转', '上年结转结余', '结转结余', '上年结余', '上年结转资金', '结转资金', '上年结转结余资金'], [[{ kind: 'carry' }]]],
  [['本年收入', '本年拨款', '本年', '当年', '本年预算', '当年预算'], [[{ kind: 'thisYear' }]]],
  // Natures of expenditure and project types.
  [['基本支出', '基本支出合计'], nature('basic')],
  [['项目支出', '专项业务经费支出', '专项业务经费', '专项支出', '项目支出合计'], nature('project')],
  [['经营支出', '事业单位经营支出'], nature('operating')],
  [['上缴上级支出', '上解上级支出'], nature('remitUpward')],
  [['对附属单位补助支出', '对附属单位补助'], nature('subsidyAffiliates')],
  [['人员经费', '人员经费支出'], [[{ kind: 'basicPart', part: 'personnel' }], [{ kind: 'nature', natures: ['basic'] }, { kind: 'deptEcon', codes: ['301', '303'] }]]],
  [
    ['公用经费', '公用经费支出', '日常公用经费'],
    [
      [{ kind: 'basicPart', part: 'public' }],
      [{ kind: 'nature', natures: ['basic'] }, { kind: 'deptEcon', codes: ['302', '310'] }],
      [{ kind: 'nature', natures: ['basic'] }, { kind: 'deptEcon', codes: ['302'] }],
    ],
  ],
  [['人员经费和公用经费支出', '人员经费和公用经费'], nature('basic')],
  [
    ['其他运转类', '运转类', '运转类项目', '其他运转类项目'],
    [[{ kind: 'projectTypes', types: ['operation', 'general'] }], [{ kind: 'projectTypes', types: ['operation'] }]],
  ],
  [
    ['特定目标类', '特定目标类项目'],
    [[{ kind: 'projectTypes', types: ['specificGoal', 'special'] }], [{ kind: 'projectTypes', types: ['specificGoal'] }]],
  ],
  [['一般性项目'], [[{ kind: 'projectTypes', types: ['general'] }]]],
  [['专项项目'], [[{ kind: 'projectTypes', types: ['special'] }]]],
  // 三公 and the other named economic items.
  [['因公出国(境)费', '因公出国(境)费用', '出国费', '因公出国费'], deptEcon('30212')],
  [['公务接待费'], deptEcon('30217')],
  [['公务用车购置费'], deptEcon('31013')],
  [['公务用车运行维护费', '公务用车运行费', '公务用车运维费', '公务用车运行经费'], deptEcon('30231')],
  [['公务用车购置及运行维护费', '公务用车购置及运行费', '公务用车购置及运维费', '公务用车购置和运行维护费', '公务用车购置及运行经费'], deptEcon('31013', '30231')],
  [['三公经费', '三公经费合计', '三公经费小计', '三公经费支出'], deptEcon('30212', '31013', '30231', '30217')],
  [['会议费'], deptEcon('30215')],
  [['培训费'], deptEcon('30216')],
  [['机关运行经费'], [[{ kind: 'basicPart', part: 'public' }]]],
];

const TERMS: Map<string, Atom[][]> = buildTerms();

function buildTerms(): Map<string, Atom[][]> {
  const terms = new Map<string, Atom[][]>();
  const add = (text: string, atoms: Atom[][]) => {
    const key = normalizeText(text);
    if (key === '') return;
    const known = terms.get(key);
    if (known) known.push(...atoms.filter((reading) => !known.some((other) => JSON.stringify(other) === JSON.stringify(reading))));
    else terms.set(key, [...atoms]);
  };
  // The classifications by name: 类 and 款 of both economic classifications, 类 of the function classification.
  for (const kind of ['deptEcon', 'govEcon'] as const) {
    for (const entry of builtinCatalogFiles[kind].entries) {
      if (entry.code.length > 5) continue;
      for (const name of [entry.name, ...(entry.aliases ?? [])]) add(name, [[{ kind, codes: [entry.code] }]]);
    }
  }
  for (const entry of builtinCatalogFiles.function.entries) {
    if (entry.code.length !== 3) continue;
    for (const name of [entry.name, ...(entry.aliases ?? [])]) {
      add(name, [[{ kind: 'function', codes: [entry.code] }]]);
      if (name.endsWith('支出') && name.length >= 6) add(name.slice(0, -2), [[{ kind: 'function', codes: [entry.code] }]]);
    }
  }
  // The words above go last so that their readings come first where a catalogue name is the same word.
  for (const [texts, atoms] of WORDS) for (const text of texts) {
    const key = normalizeText(text);
    const known = terms.get(key);
    terms.set(key, known ? [...atoms, ...known.filter((reading) => !atoms.some((other) => JSON.stringify(other) === JSON.stringify(reading)))] : [...atoms]);
  }
  return terms;
}

const LONGEST = Math.max(...[...TERMS.keys()].map((key) => key.length));

/** A step's words: the longest known word at each place, what is left between them ignored. */
function tokenize(step: string): { atoms: Atom[][]; known: boolean }[] {
  const text = cleanStep(step);
  const out: { atoms: Atom[][]; known: boolean }[] = [];
  let index = 0;
  while (index < text.length) {
    let found: Atom[][] | undefined;
    let length = 0;
    for (let size = Math.min(LONGEST, text.length - index); size >= 2; size -= 1) {
      const candidate = TERMS.get(text.slice(index, index + size));
      if (candidate) {
        found = candidate;
        length = size;
        break;
      }
    }
    if (found) {
      out.push({ atoms: found, known: true });
      index += length;
    } else index += 1;
  }
  return out;
}

/** Numbering, "其中：", units in brackets and quotes taken off. */
function cleanStep(step: string): string {
  return normalizeLabel(step)
    .replace(/\((万元|元|%)\)/g, '')
    .replace(/^其中[:]?/, '')
    .replace(/[“”"]/g, '');
}

export interface Reading {
  filter: LineFilter;
  /** The side a heading stood under (收入 / 支出), when it said. */
  side: 'income' | 'budget' | null;
  /** How many words were read; 0: the text means nothing known. */
  words: number;
}

/**
 * The readings of a header path (top-down) or of a row label with its parents ("一般公共预算" above "其中：财政
 * 拨款"). `carryInTable`: the table has columns of its own for carried-over money, so a fund column without
 * "上年结转" leaves it out (read first).
 */
export function readPath(path: string[], options: { carryInTable?: boolean; maxReadings?: number } = {}): Reading[] {
  const steps = path.map((step) => tokenize(step));
  const known = steps.flat().filter((token) => token.known).length;
  if (known === 0) return [];
  // Each step's words multiply out into alternatives; the cross product is taken over steps.
  let combos: { atoms: Atom[]; stepOf: number[] }[] = [{ atoms: [], stepOf: [] }];
  steps.forEach((tokens, stepIndex) => {
    for (const token of tokens) {
      const next: { atoms: Atom[]; stepOf: number[] }[] = [];
      for (const combo of combos) for (const reading of token.atoms) next.push({ atoms: [...combo.atoms, ...reading], stepOf: [...combo.stepOf, ...reading.map(() => stepIndex)] });
      combos = next.slice(0, 64);
    }
  });
  const readings: Reading[] = [];
  const seen = new Set<string>();
  for (const combo of combos) {
    for (const filter of compose(combo.atoms, combo.stepOf, options.carryInTable ?? false)) {
      const id = JSON.stringify(filter);
      if (seen.has(id)) continue;
      seen.add(id);
      const side = combo.atoms.find((atom): atom is Extract<Atom, { kind: 'side' }> => atom.kind === 'side')?.side ?? null;
      readings.push({ filter, side, words: known });
    }
  }
  return readings.slice(0, options.maxReadings ?? 8);
}

/** The filters a list of words gives: funds composed in the fund tree, codes intersected by prefix. */
function compose(atoms: Atom[], stepOf: number[], carryInTable: boolean): LineFilter[] {
  let funds: Set<string> | null = null;
  const narrow = (leaves: string[]) => {
    funds = funds === null ? new Set(leaves) : new Set([...funds].filter((leaf) => leaves.includes(leaf)));
  };
  const carry = atoms.some((atom) => atom.kind === 'carry');
  const thisYear = atoms.some((atom) => atom.kind === 'thisYear');
  const fundAtoms = atoms.map((atom, index) => ({ atom, step: stepOf[index] ?? 0 })).filter(({ atom }) => atom.kind === 'fund' || atom.kind === 'fiscal');
  const filter: LineFilter = {};
  let conflict = false;
  const fiscalReadings: ('narrow' | 'broad')[][] = [[]];
  for (const { atom, step } of fundAtoms) {
    if (atom.kind === 'fiscal') {
      // Below a 一般公共预算 heading of an earlier step: its own 财政拨款; beside another fund word: that fund's money.
      const genAbove = fundAtoms.some((other) => other.atom.kind === 'fund' && other.step < step && other.atom.funds.includes('gen'));
      const besideFund = fundAtoms.some((other) => other.atom.kind === 'fund' && other.step === step);
      const options: ('narrow' | 'broad')[] = genAbove ? ['narrow', 'broad'] : besideFund ? ['broad'] : ['broad', 'narrow'];
      const current = fiscalReadings.splice(0);
      for (const reading of current) for (const option of options) fiscalReadings.push([...reading, option]);
    }
  }
  const results: LineFilter[] = [];
  for (const fiscal of fiscalReadings) {
    funds = null;
    let fiscalIndex = 0;
    for (const { atom } of fundAtoms) {
      if (atom.kind === 'fiscal') {
        const option = fiscal[fiscalIndex++];
        narrow(leavesOf(option === 'narrow' ? ['gen.appropriation'] : FISCAL));
      } else if (atom.kind === 'fund') narrow(leavesOf(atom.funds));
    }
    const variants = fundVariants(funds, carry, thisYear, carryInTable);
    for (const leaves of variants) {
      const out: LineFilter = { ...filter };
      if (leaves !== null) {
        if (leaves.size === 0) continue;
        out.funds = compress(leaves);
      }
      results.push(out);
    }
  }
  const natures = atoms.flatMap((atom) => (atom.kind === 'nature' ? [atom.natures] : []));
  const types = atoms.flatMap((atom) => (atom.kind === 'projectTypes' ? [atom.types] : []));
  const parts = atoms.flatMap((atom) => (atom.kind === 'basicPart' ? [atom.part] : []));
  const codes = (kind: 'deptEcon' | 'govEcon' | 'function') => atoms.flatMap((atom) => (atom.kind === kind ? [atom.codes] : []));
  const extra: LineFilter = {};
  if (natures.length > 0) {
    const common = natures.reduce((a, b) => a.filter((n) => b.includes(n)));
    if (common.length === 0) conflict = true;
    extra.natures = common;
  }
  if (types.length > 0) {
    const common = types.reduce((a, b) => a.filter((t) => b.includes(t)));
    if (common.length === 0 || (extra.natures && !extra.natures.includes('project'))) conflict = true;
    extra.projectTypes = common;
    extra.natures ??= ['project'];
  }
  if (parts.length > 0) {
    if (new Set(parts).size > 1 || (extra.natures && !extra.natures.includes('basic'))) conflict = true;
    extra.basicPart = parts[0] as 'personnel' | 'public';
    if (extra.natures?.length === 1 && extra.natures[0] === 'basic') delete extra.natures;
  }
  for (const [kind, key] of [
    ['deptEcon', 'deptEcon'],
    ['govEcon', 'govEcon'],
    ['function', 'functions'],
  ] as const) {
    const lists = codes(kind);
    if (lists.length === 0) continue;
    const common = lists.reduce(intersectPrefixes);
    if (common.length === 0) conflict = true;
    extra[key] = common;
  }
  if (extra.basicPart && extra.deptEcon) {
    // 人员经费 › 工资福利支出: the code says it all.
    const personnel = extra.deptEcon.every((code) => code.startsWith('301') || code.startsWith('303'));
    if (personnel !== (extra.basicPart === 'personnel')) conflict = true;
    delete extra.basicPart;
    extra.natures ??= ['basic'];
  }
  if (conflict) return [];
  return results.map((result) => ({ ...result, ...extra }));
}

/** With or without carried-over money, as the words and the table say. */
function fundVariants(funds: Set<string> | null, carry: boolean, thisYear: boolean, carryInTable: boolean): (Set<string> | null)[] {
  const carryLeaves = FUND_LEAVES.filter((leaf) => fundIsUnder(leaf, 'carry'));
  if (carry) {
    if (funds === null) return [new Set(carryLeaves)];
    const selected = funds;
    // "上年结转 › 一般公共预算": the carry-over of that fund.
    const mapped = new Set<string>();
    for (const [node, carried] of Object.entries(CARRY_OF)) {
      const nodeLeaves = leavesOf([node]);
      if (nodeLeaves.some((leaf) => selected.has(leaf))) mapped.add(carried);
    }
    for (const leaf of selected) if (fundIsUnder(leaf, 'carry')) mapped.add(leaf);
    return [mapped];
  }
  if (funds === null) return thisYear ? [new Set(leavesOf(THIS_YEAR))] : [null];
  const current = new Set([...funds].filter((leaf) => !fundIsUnder(leaf, 'carry')));
  if (thisYear) return [current];
  const withCarry = new Set(current);
  for (const [node, carried] of Object.entries(CARRY_OF)) {
    const nodeLeaves = leavesOf([node]);
    if (nodeLeaves.length > 0 && nodeLeaves.every((leaf) => current.has(leaf))) withCarry.add(carried);
  }
  if (withCarry.size === current.size) return [current];
  return carryInTable ? [current, withCarry] : [current, withCarry];
}

function leavesOf(nodes: string[]): string[] {
  return FUND_LEAVES.filter((leaf) => nodes.some((node) => fundIsUnder(leaf, node)));
}

/** The fewest fund nodes covering exactly these leaves (the fund tree's own nodes, top-down). */
export function compress(leaves: Set<string>): string[] {
  const out: string[] = [];
  const covered = new Set<string>();
  const nodes = ['gen', 'fund', 'capital', 'specialAccount', 'unit', 'carry', ...FUND_LEAVES];
  for (const node of nodes) {
    const under = FUND_LEAVES.filter((leaf) => fundIsUnder(leaf, node));
    if (under.length === 0 || under.some((leaf) => covered.has(leaf))) continue;
    if (under.every((leaf) => leaves.has(leaf))) {
      out.push(node);
      for (const leaf of under) covered.add(leaf);
    }
  }
  // Carried-over money of every fund is one node.
  const carryLeaves = FUND_LEAVES.filter((leaf) => fundIsUnder(leaf, 'carry'));
  if (carryLeaves.every((leaf) => covered.has(leaf)) && !out.includes('carry')) {
    return [...out.filter((node) => !carryLeaves.includes(node)), 'carry'];
  }
  return out;
}

function intersectPrefixes(a: string[], b: string[]): string[] {
  const out = new Set<string>();
  for (const x of a) for (const y of b) {
    if (x.startsWith(y)) out.add(x);
    else if (y.startsWith(x)) out.add(y);
  }
  return [...out];
}

/** A measure of `source` from a reading, narrowed by a row's or part's filter. */
export function measureOf(source: 'budget' | 'income', filter: LineFilter): Measure {
  const measure: Measure = { source };
  for (const key of ['funds', 'natures', 'deptEcon', 'govEcon', 'functions', 'basicPart', 'projectTypes', 'unitKinds', 'units'] as const) {
    const value = filter[key];
    if (value !== undefined) (measure as unknown as Record<string, unknown>)[key] = value;
  }
  return measure;
}

/** Whether a text names anything the vocabulary knows (a heading of a money column, a label of a money row). */
export function knowsWords(text: string): boolean {
  return tokenize(text).some((token) => token.known && token.atoms.some((reading) => reading.some((atom) => atom.kind !== 'side')));
}

/** Income lines carry no nature or economic code: a reading that asks for them is an expenditure reading. */
export function fitsSource(filter: LineFilter, source: 'budget' | 'income'): boolean {
  if (source === 'budget') return true;
  return !filter.natures && !filter.deptEcon && !filter.govEcon && !filter.basicPart && !filter.projectTypes;
}
