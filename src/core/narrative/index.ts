import type { Catalog } from '../catalog';
import type { Workbook } from '../model';
import type { TemplateSpec } from '../tables/spec';
import { findTemplate } from '../templates';
import { narrativeFigures } from './figures';
import { fillTemplate, renderParagraph, textLines, type RenderContext } from './render';
import type { NarrativeBlock, NarrativeSpec, SectionSpec } from './spec';

/**
 * The generated narrative (第二部分 情况说明): a pure function of the workbook and the province's
 * narrative spec. docs/narrative.md explains the figures, phrases and templates.
 *
 *   const narrative = generateNarrative(workbook, 'henan-2024');
 *   narrative.sections[2].paragraphs[0]; // "…其中：基本支出3323.60万元，占51.41%；…"
 */
export type { NarrativeFigures, ListItem } from './figures';
export { narrativeFigures, DERIVED_FIGURES, SAN_GONG_ECON } from './figures';
export { comparisonPhrase, compareWithPrior, formatAmount, splitShares, cleanReason, type Change, type Direction } from './phrases';
export type { NarrativeSpec, SectionSpec, ParagraphSpec, ComparisonStyle, MoneyStyle, Condition, Piece, ListSource, ClerkText, NarrativeBlock, NarrativeLevel } from './spec';
export { NARRATIVE_BLOCKS } from './spec';

export interface NarrativeSection {
  /** The spec section's id; a block's sub-sections and each task carry their section's. */
  id?: string;
  /** Heading level: 1 the narrative's top headings, 2–4 below (the spec's `level`). */
  level: number;
  /** "" for paragraphs that stand before the first heading (Hebei's introduction). */
  heading: string;
  paragraphs: string[];
}

export interface Narrative {
  /** The title's lines. */
  title: string[];
  sections: NarrativeSection[];
}

/** The narrative spec a template carries: a resolved template, or a built-in's id. */
export function findNarrative(template: TemplateSpec | string): NarrativeSpec | undefined {
  return (typeof template === 'string' ? findTemplate(template) : template)?.narrative;
}

/**
 * The free-prose blocks (texts.blocks keys) the template's narrative prints, with the heading each is
 * printed under, in narrative order; [] for a template without a narrative. For the texts screen.
 */
export function narrativeBlocks(template: TemplateSpec | string): { block: NarrativeBlock; heading: string }[] {
  const spec = findNarrative(template);
  if (!spec) return [];
  return spec.sections.flatMap((section) => ('block' in section ? [{ block: section.block, heading: section.heading }] : []));
}

/**
 * The narrative of `workbook` under `template` (a resolved template, or a built-in's id such as "henan-2024").
 * `catalog` names codes (Shaanxi lists 功能项 and 经济类 by name); by default the built-in catalogue plus the
 * workbook's imported entries. Throws for a template without a narrative.
 */
export function generateNarrative(workbook: Workbook, template: TemplateSpec | string, catalog?: Catalog): Narrative {
  const resolved = typeof template === 'string' ? findTemplate(template) : template;
  const spec = resolved?.narrative;
  if (!resolved || !spec) throw new Error(`no narrative for template "${typeof template === 'string' ? template : template.id}"`);
  const context: RenderContext = { spec, figures: narrativeFigures(workbook, resolved, catalog), workbook };
  return {
    title: spec.title.map((line) => fillTemplate(line, context, spec.money.style)),
    sections: spec.sections.flatMap((section) => renderSection(section, context)),
  };
}

function renderSection(section: SectionSpec, context: RenderContext): NarrativeSection[] {
  const id = section.id !== undefined ? { id: section.id } : {};
  const level = section.level ?? 1;
  if ('eachTask' in section) {
    return context.workbook.departmentPerformance.tasks.map((task, index) => ({
      ...id,
      level,
      heading: section.eachTask.heading.replace('{n}', String(index + 1)).replace('{name}', task.name),
      paragraphs: textLines(task.content),
    }));
  }
  if ('block' in section) {
    const sections: NarrativeSection[] = [{ ...id, level, heading: fillTemplate(section.heading, context, context.spec.money.style), paragraphs: [] }];
    for (const line of textLines(context.workbook.texts.blocks[section.block] ?? '')) {
      if (line.startsWith('#')) sections.push({ ...id, level: level + 1, heading: line.replace(/^#+/, '').trim(), paragraphs: [] });
      else sections[sections.length - 1]?.paragraphs.push(line);
    }
    return sections;
  }
  return [
    {
      ...id,
      level,
      heading: fillTemplate(section.heading, context, context.spec.money.style),
      paragraphs: section.paragraphs.flatMap((paragraph) => renderParagraph(paragraph, context)),
    },
  ];
}
