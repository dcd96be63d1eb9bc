import type { Fen } from '../money';
import type { BasicProcurement } from '../model';
import { amountDisplay, amountEditText, clean, ok, parseProject, problem } from './cells';
import { moneyField, textField } from './projects';
import { field, unitField, type RowCodec } from './rows';

/** The money of a group's items. */
export function itemsAmount(group: Pick<BasicProcurement, 'items'>): Fen {
  return group.items.reduce((sum, item) => sum + item.amount, 0);
}

/**
 * The groups of procurement paid from basic expenditure (政府采购 table's 公用类项目1 …): unit, name,
 * 预算资金, the project of the unit it is listed after (empty: before the unit's projects); the number of
 * items and their amount are shown, not typed. A new group starts without items.
 */
export const basicProcurementCodec: RowCodec<BasicProcurement> = {
  fields: [
    unitField<BasicProcurement>(),
    textField<BasicProcurement>('name', true),
    moneyField<BasicProcurement>('budget'),
    field<BasicProcurement, string | null>({
      id: 'listedAfter',
      required: false,
      // A project that no longer exists shows empty: the table lists the group after the unit's projects.
      display: (group, ctx) => (group.listedAfter === null ? '' : (ctx.projects.find((project) => project.id === group.listedAfter)?.name ?? '')),
      parse: (text, ctx) => (clean(text) === '' ? ok(null) : parseProject(text, ctx.projects)),
      assign: (group, value) => void (group.listedAfter = value),
      has: (group) => group.listedAfter !== undefined,
    }),
    field<BasicProcurement, never>({
      id: 'itemCount',
      required: false,
      readOnly: true,
      align: 'end',
      display: (group) => String(group.items.length),
      parse: () => problem('readOnly'),
      assign: () => undefined,
      has: () => true,
      sortKey: (group) => group.items.length,
    }),
    field<BasicProcurement, never>({
      id: 'itemsAmount',
      required: false,
      readOnly: true,
      align: 'end',
      display: (group, ctx) => amountDisplay(itemsAmount(group), ctx.entryUnit),
      text: (group, ctx) => amountEditText(itemsAmount(group), ctx.entryUnit),
      parse: () => problem('readOnly'),
      assign: () => undefined,
      has: () => true,
      sortKey: (group) => itemsAmount(group),
    }),
  ],
  complete: (group) => {
    group.budget ??= 0;
    group.listedAfter ??= null;
    group.items ??= [];
  },
};

/** "公用类项目1", "公用类项目2" …: the first such name no group of the unit has yet. */
export function nextGroupName(groups: readonly Pick<BasicProcurement, 'unitId' | 'name'>[], unitId: string | undefined): string {
  const taken = new Set(groups.filter((group) => unitId === undefined || group.unitId === unitId).map((group) => group.name));
  let n = 1;
  while (taken.has(`公用类项目${n}`)) n += 1;
  return `公用类项目${n}`;
}
