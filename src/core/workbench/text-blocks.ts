import { NARRATIVE_BLOCKS, narrativeBlocks } from '../narrative';
import type { TemplateSpec } from '../tables/spec';
import { TEMPLATES } from '../templates';

export interface TextBlockHeading {
  templateId: string;
  /** The template's province ("河北"), to tell headings apart when no template is chosen. */
  province: string;
  /** The heading the narrative prints the block under, e.g. "（三）工作保障措施". */
  heading: string;
}

export interface TextBlockEntry {
  /** Key of texts.blocks. */
  block: string;
  /**
   * Where the block is printed: under the chosen template; with none chosen (or for a block the chosen one
   * does not print), under every template that prints it.
   */
  headings: TextBlockHeading[];
  /** False for a block holding text that the chosen template does not print. */
  printed: boolean;
}

export interface TextBlockList {
  /** The template whose blocks are listed; null: no (known) template is chosen, every template's are. */
  template: string | null;
  entries: TextBlockEntry[];
}

/**
 * The prose blocks (texts.blocks) the texts screen offers: those the chosen template's narrative prints,
 * in narrative order, headed as it heads them; with no template (or one without a narrative), every block
 * any narrative prints, with each template's heading. Blocks holding text that the chosen template does
 * not print follow, so the clerk can still read and clear them.
 */
export function textBlocksFor(
  template: TemplateSpec | string | null,
  stored: Readonly<Record<string, string>>,
  known: readonly TemplateSpec[] = Object.values(TEMPLATES),
): TextBlockList {
  const resolved = typeof template === 'string' ? known.find((candidate) => candidate.id === template) : template;
  const chosen = resolved?.narrative ? resolved : null;
  const entries: TextBlockEntry[] = [];
  if (chosen !== null) {
    for (const { block, heading } of narrativeBlocks(chosen)) entries.push({ block, headings: [{ templateId: chosen.id, province: chosen.province, heading }], printed: true });
  } else {
    for (const block of NARRATIVE_BLOCKS) entries.push({ block, headings: headingsOf(block, known), printed: true });
  }
  const shown = new Set(entries.map((entry) => entry.block));
  for (const [block, text] of Object.entries(stored)) {
    if (!shown.has(block) && text.trim() !== '') entries.push({ block, headings: headingsOf(block, known), printed: false });
  }
  return { template: chosen?.id ?? null, entries };
}

/** Every template's heading for `block`; none for a key no narrative prints. */
function headingsOf(block: string, known: readonly TemplateSpec[]): TextBlockHeading[] {
  return known.flatMap((template) =>
    narrativeBlocks(template)
      .filter((entry) => entry.block === block)
      .map((entry) => ({ templateId: template.id, province: template.province, heading: entry.heading })),
  );
}
