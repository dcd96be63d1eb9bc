import { editionFor } from '../../catalog';
import type { CatalogKind } from '../../model';
import { NO_HITS, type Rule } from '../types';
import { hit, workbookRule } from './define';

const KINDS: readonly CatalogKind[] = ['function', 'deptEcon', 'govEcon'];

/**
 * Rules about the catalogues themselves. Codes a catalogue does not list are never refused (the
 * line rules flag them one by one); this says which edition the codes are checked against when
 * the budget year's own is not built in.
 */
export const catalogRules: Rule[] = [
  workbookRule({
    id: 'catalog.editionFallback',
    severity: 'info',
    messageKey: 'checks:catalogEditionFallback',
    description:
      "The budget year's own catalogue edition is built in; when it is not, codes are checked against the latest built-in edition and this says so, until the clerk has imported all three of the year's lists. Nothing is refused either way: unknown codes are saved and flagged.",
    evaluate: ({ workbook }) => {
      const choice = editionFor(workbook.settings.catalogEdition);
      if (choice.builtIn) return NO_HITS;
      const imported = new Set(workbook.catalogEntries.map((entry) => entry.kind));
      if (KINDS.every((kind) => imported.has(kind))) return NO_HITS;
      return hit({ year: choice.requested, edition: choice.edition }, { entity: 'workbook', field: 'catalogEdition' });
    },
  }),
];
