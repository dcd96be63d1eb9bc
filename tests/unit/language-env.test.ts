import { describe, expect, it } from 'vitest';
import { languageFromEnv } from '../../src/shared/i18n';

describe('language of messages printed before any window', () => {
  it('follows BUDGET_DESK_LANG, then LC_ALL, then LANG, and treats an empty variable as unset', () => {
    expect(languageFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: '', LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnv({ BUDGET_DESK_LANG: 'en', LC_ALL: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromEnv({})).toBe('zh-CN');
  });
});
