import { CODE_KEY_PATTERN } from './keys';

/**
 * The message that names a figure key for people: "sanGong.reception" → "prior:figure.sanGong_reception"
 * (公务接待费), "function.2101501" → "prior:figure.function" with the code (一般公共预算支出（功能分类
 * 2101501）), "assets.figure.<row>" → "prior:figure.assets_figure" with the row.
 */
export function figureLabel(key: string): { code: string; params: Record<string, string> } {
  if (CODE_KEY_PATTERN.test(key)) {
    const [dimension = '', code = ''] = key.split('.');
    return { code: `prior:figure.${dimension}`, params: { code } };
  }
  if (key.startsWith('assets.figure.')) return { code: 'prior:figure.assets_figure', params: { name: key.slice('assets.figure.'.length) } };
  // Flat message keys: "fiscal.gen" is a label and "fiscal.gen.basic" another, so they cannot nest.
  return { code: `prior:figure.${key.replaceAll('.', '_')}`, params: {} };
}
