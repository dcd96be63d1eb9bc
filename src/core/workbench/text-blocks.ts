import { NARRATIVE_BLOCKS, NARRATIVES, narrativeBlocks } from '../narrative';
import { findTemplate } from '../templates';

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
export function textBlocksFor(templateId: string | null, stored: Readonly<Record<string, string>>): TextBlockList {
  const chosen = templateId !== null && NARRATIVES[templateId] !== undefined ? templateId : null;
  const entries: TextBlockEntry[] = [];
  if (chosen !== null) {
    const province = findTemplate(chosen)?.province ?? '';
    for (const { block, heading } of narrativeBlocks(chosen)) entries.push({ block, headings: [{ templateId: chosen, province, heading }], printed: true });
  } else {
    for (const block of NARRATIVE_BLOCKS) entries.push({ block, headings: headingsOf(block), printed: true });
  }
  const shown = new Set(entries.map((entry) => entry.block));
  for (const [block, text] of Object.entries(stored)) {
    if (!shown.has(block) && text.trim() !== '') entries.push({ block, headings: headingsOf(block), printed: false });
  }
  return { template: chosen, entries };
}

/** Every template's heading for `block`; none for a key no narrative prints. */
function headingsOf(block: string): TextBlockHeading[] {
  return Object.keys(NARRATIVES).flatMap((id) =>
    narrativeBlocks(id)
      .filter((entry) => entry.block === block)
      .map((entry) => ({ templateId: id, province: findTemplate(id)?.province ?? '', heading: entry.heading })),
  );
}
