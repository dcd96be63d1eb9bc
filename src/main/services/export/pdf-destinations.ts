/**
 * Reads a PDF's named destinations and the page each points to — enough PDF to number the contents
 * without poppler: the classic cross-reference table (what Chromium's Skia writer emits), the page
 * tree, and the catalogue's /Dests dictionary or /Names /Dests name tree. Objects are found through
 * the xref offsets, so bytes inside compressed streams are never mistaken for objects.
 */
export interface PdfDestinations {
  pageCount: number;
  /** Destination name → 1-based page number. */
  pages: Map<string, number>;
}

export function readNamedDestinations(bytes: Uint8Array): PdfDestinations {
  const pdf = new PdfObjects(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  const root = pdf.reference(pdf.trailer, 'Root');
  if (root === null) throw new Error('PDF has no /Root');
  const catalog = pdf.object(root);
  const pagesRoot = pdf.reference(catalog, 'Pages');
  const pageObjects = pagesRoot === null ? [] : pdf.pageList(pagesRoot);
  const pageIndex = new Map(pageObjects.map((id, index) => [id, index + 1]));
  const pages = new Map<string, number>();
  const add = (name: string, destination: string) => {
    const target = /^\s*(?:<<[\s\S]*?\/D\s*)?\[\s*(\d+)\s+\d+\s+R/.exec(destination)?.[1];
    const page = target === undefined ? undefined : pageIndex.get(Number(target));
    if (page !== undefined) pages.set(name, page);
  };
  const dests = pdf.valueOf(catalog, 'Dests');
  if (dests) {
    const dictionary = pdf.resolve(dests);
    for (const match of dictionary.matchAll(/\/([^\s/[\]<>()]+)\s*(\[[^\]]*\]|\d+\s+\d+\s+R|<<[\s\S]*?>>)/g)) {
      add(decodeName(match[1] ?? ''), pdf.resolve(match[2] ?? ''));
    }
  }
  const names = pdf.valueOf(catalog, 'Names');
  const nameTree = names ? pdf.valueOf(pdf.resolve(names), 'Dests') : null;
  if (nameTree) pdf.walkNameTree(pdf.resolve(nameTree), add);
  return { pageCount: pageObjects.length, pages };
}

class PdfObjects {
  readonly trailer: string;
  private readonly offsets = new Map<number, number>();

  constructor(private readonly text: string) {
    const start = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(text.slice(-1024));
    const xrefAt = start ? Number(start[1]) : -1;
    if (xrefAt >= 0 && text.startsWith('xref', xrefAt)) {
      this.readXref(xrefAt);
      const trailerAt = text.indexOf('trailer', xrefAt);
      this.trailer = trailerAt >= 0 ? this.dictionaryAt(trailerAt + 'trailer'.length) : '';
    } else {
      // No classic xref: find "n g obj" headers at line starts (best effort).
      for (const match of text.matchAll(/(?:^|[\r\n])(\d+)\s+\d+\s+obj\b/g)) this.offsets.set(Number(match[1]), (match.index ?? 0) + match[0].length - 3 - String(match[1]).length);
      const trailerAt = text.lastIndexOf('trailer');
      this.trailer = trailerAt >= 0 ? this.dictionaryAt(trailerAt + 'trailer'.length) : '';
    }
  }

  private readXref(at: number): void {
    const lines = this.text.slice(at, this.text.indexOf('trailer', at)).split(/\r\n|\r|\n/).slice(1);
    let id = 0;
    for (const line of lines) {
      const section = /^(\d+)\s+(\d+)\s*$/.exec(line);
      if (section) {
        id = Number(section[1]);
        continue;
      }
      const entry = /^(\d{10})\s+(\d{5})\s+([nf])/.exec(line);
      if (!entry) continue;
      if (entry[3] === 'n') this.offsets.set(id, Number(entry[1]));
      id += 1;
    }
  }

  /** The object's text up to its stream or endobj (its dictionary or value). */
  object(id: number): string {
    const at = this.offsets.get(id);
    if (at === undefined) return '';
    const header = /^\s*\d+\s+\d+\s+obj/.exec(this.text.slice(at, at + 40));
    const from = at + (header?.[0].length ?? 0);
    const ends = [this.text.indexOf('endobj', from), this.text.indexOf('stream', from)].filter((index) => index >= 0);
    return this.text.slice(from, Math.min(...ends, this.text.length));
  }

  /** The balanced << … >> starting at (or after whitespace from) `at`. */
  private dictionaryAt(at: number): string {
    const open = this.text.indexOf('<<', at);
    if (open < 0) return '';
    let depth = 0;
    for (let index = open; index < this.text.length - 1; index += 1) {
      const pair = this.text.slice(index, index + 2);
      if (pair === '<<') {
        depth += 1;
        index += 1;
      } else if (pair === '>>') {
        depth -= 1;
        index += 1;
        if (depth === 0) return this.text.slice(open, index + 1);
      }
    }
    return this.text.slice(open);
  }

  /** The raw value of /Key in a dictionary's text: a reference "n g R", an array, a dictionary or a token. */
  valueOf(dictionary: string, key: string): string | null {
    const match = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`).exec(dictionary);
    if (!match) return null;
    const rest = dictionary.slice((match.index ?? 0) + match[0].length);
    const reference = /^(\d+)\s+(\d+)\s+R/.exec(rest);
    if (reference) return reference[0];
    if (rest.startsWith('<<')) return balanced(rest, '<<', '>>');
    if (rest.startsWith('[')) return balanced(rest, '[', ']');
    return /^[^\s/>\]]+/.exec(rest)?.[0] ?? null;
  }

  reference(dictionary: string, key: string): number | null {
    const value = this.valueOf(dictionary, key);
    const match = value ? /^(\d+)\s+\d+\s+R$/.exec(value) : null;
    return match ? Number(match[1]) : null;
  }

  /** Follows a reference to its object's text; other values come back as they are. */
  resolve(value: string): string {
    const match = /^\s*(\d+)\s+\d+\s+R\s*$/.exec(value);
    return match ? this.object(Number(match[1])) : value;
  }

  /** Leaf page objects in order, walking /Kids of /Pages nodes. */
  pageList(node: number, seen = new Set<number>()): number[] {
    if (seen.has(node)) return [];
    seen.add(node);
    const text = this.object(node);
    if (/\/Type\s*\/Page(?![a-z])/.test(text)) return [node];
    const kids = this.valueOf(text, 'Kids');
    if (!kids) return [];
    return [...this.resolve(kids).matchAll(/(\d+)\s+\d+\s+R/g)].flatMap((match) => this.pageList(Number(match[1]), seen));
  }

  walkNameTree(node: string, visit: (name: string, destination: string) => void, depth = 0): void {
    if (depth > 32) return;
    const names = this.valueOf(node, 'Names');
    if (names) {
      for (const match of this.resolve(names).matchAll(/\(((?:\\.|[^\\)])*)\)\s*(\d+\s+\d+\s+R|\[[^\]]*\]|<<[\s\S]*?>>)/g)) {
        visit(unescapeString(match[1] ?? ''), this.resolve(match[2] ?? ''));
      }
    }
    const kids = this.valueOf(node, 'Kids');
    if (kids) for (const match of this.resolve(kids).matchAll(/(\d+)\s+\d+\s+R/g)) this.walkNameTree(this.object(Number(match[1])), visit, depth + 1);
  }
}

function balanced(text: string, open: string, close: string): string {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text.startsWith(open, index)) {
      depth += 1;
      index += open.length - 1;
    } else if (text.startsWith(close, index)) {
      depth -= 1;
      index += close.length - 1;
      if (depth === 0) return text.slice(0, index + 1);
    }
  }
  return text;
}

/** PDF name escapes: "#20" → " ". */
function decodeName(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
}

function unescapeString(text: string): string {
  return text.replace(/\\([()\\])/g, '$1');
}
