import type { Workbook } from '../model';
import { findNarrative, generateNarrative } from '../narrative';
import type { TemplateSpec } from '../tables/spec';
import { paragraphs } from './html';

/** A section of the 情况说明 (what a package `narrative` section prints): a heading and its paragraphs. */
export interface NarrativeSection {
  /** The narrative spec section's id (a package's narrative section picks sections by it). */
  id?: string;
  /** 1 the narrative's top headings, 2–4 sub-sections; default 1. */
  level?: number;
  heading: string;
  paragraphs: string[];
}

/**
 * The 情况说明 a package's `narrative` sections print: generated from the figures in the province's wording (src/core/narrative), so every
 * number in it agrees with the tables. A template without a narrative spec falls back to what the
 * clerk wrote in the workbook's texts (其他需要说明的事项).
 */
export function packageNarrative(workbook: Workbook, template: TemplateSpec): NarrativeSection[] {
  if (findNarrative(template)) return generateNarrative(workbook, template).sections;
  const other = paragraphs(workbook.texts.other);
  return other.length > 0 ? [{ heading: '其他需要说明的事项', paragraphs: other }] : [];
}
