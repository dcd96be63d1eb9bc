import { describe, expect, it } from 'vitest';
import { checkDepartment, parseDate } from '../../src/renderer/forms';

describe('the department form', () => {
  it.each([
    ['2024-01-20', '2024-01-20'],
    ['2024/1/20', '2024-01-20'],
    ['2024.1.2', '2024-01-02'],
    ['2024年1月20日', '2024-01-20'],
    [' ２０２４年１月２０日 ', '2024-01-20'],
    ['20240120', '2024-01-20'],
    ['', ''],
  ])('reads the 公开日期 %j as %j', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['2024-02-30', '2024-13-01', '1月20日', '2024', 'soon', '1899-01-01'])('refuses %j, a date the calendar lacks or no date at all', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('names the date field when it cannot be read, and keeps an empty one empty', () => {
    const wrong = checkDepartment({ code: '101', name: '某局', year: '2025', publishedOn: '2025-02-30' });
    expect(wrong.value).toBeNull();
    expect(wrong.problems).toEqual({ publishedOn: { key: 'app:validation.date' } });
    expect(checkDepartment({ code: '101', name: '某局', year: '2025', publishedOn: '' }).value).toEqual({ code: '101', name: '某局', year: 2025, publishedOn: '' });
  });
});
