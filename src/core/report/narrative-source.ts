import type { Workbook } from '../model';
import type { TemplateSpec } from '../tables/spec';
import { paragraphs } from './html';

/** A section of 第二部分 情况说明: a heading and its paragraphs. */
export interface NarrativeSection {
  heading: string;
  paragraphs: string[];
}

/**
 * INTEGRATION POINT (narrative). The generated 情况说明 belongs to src/core/narrative
 * (`generateNarrative(workbook, template, …)` → sections with headings and paragraphs), which is
 * being written now. Until it lands, the package's 第二部分 holds what the clerk wrote in the
 * workbook's texts (其他需要说明的事项). When it lands: call generateNarrative here and map its
 * sections to NarrativeSection; nothing else in the report changes.
 */
export function packageNarrative(workbook: Workbook, _template: TemplateSpec): NarrativeSection[] {
  const other = paragraphs(workbook.texts.other);
  return other.length > 0 ? [{ heading: '其他需要说明的事项', paragraphs: other }] : [];
}
