import type { TemplateSpec } from '../tables/spec';
import { hebei2024 } from './hebei-2024';
import { henan2024 } from './henan-2024';
import { shaanxi2024 } from './shaanxi-2024';

/** Every province template the app ships, by id. A new province is a new spec here, not new code. */
export const TEMPLATES: Record<string, TemplateSpec> = {
  [henan2024.id]: henan2024,
  [hebei2024.id]: hebei2024,
  [shaanxi2024.id]: shaanxi2024,
};

export function findTemplate(id: string): TemplateSpec | undefined {
  return TEMPLATES[id];
}

export const TEMPLATE_IDS = Object.keys(TEMPLATES);
