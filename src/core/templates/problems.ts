/**
 * A problem found in a template file: where (a JSON path such as `tables[3].body[1].cells[4]`), what
 * (a message key in the `template` namespace of the locales) and the values the message names.
 * Reading a template never throws at the user: it yields a template or a list of these.
 */
export interface TemplateProblem {
  path: string;
  messageKey: string;
  params: Record<string, string | number>;
}

/** Collects problems under a path prefix. */
export class ProblemList {
  readonly items: TemplateProblem[] = [];

  add(path: string, messageKey: string, params: Record<string, string | number> = {}): void {
    this.items.push({ path, messageKey, params });
  }

  get empty(): boolean {
    return this.items.length === 0;
  }
}

/** `tables[2].body[0]` from path segments ("tables", 2, "body", 0). */
export function jsonPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '(file)';
}
