import type { PrintPayload } from './export-state';

const FRAME_CLASS = 'print-frame';
const STYLE_DATA = 'data-print-style';
const STYLE_ELEMENT = /<style[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTRIBUTE = / style="([^"]*)"/g;

type FrameWindow = Window & typeof globalThis;

/**
 * Prints the disclosure package from the page (browser mode) in a hidden same-origin iframe.
 * The page's CSP (no inline styles, fonts only from our origin, no blob: frames) also binds an
 * about:blank frame, so the document is not loaded as markup: its body is parsed inertly and
 * imported, its <style> becomes a constructed stylesheet, its style attributes are set through the
 * CSSOM, and its fonts are added with the FontFace API from their bytes — none of which the CSP
 * governs, and none of which runs a script inside the frame (preview-document.ts mounts the
 * preview the same way). Resolves once print() has returned.
 */
export async function printInFrame(payload: PrintPayload): Promise<void> {
  for (const old of document.querySelectorAll(`iframe.${FRAME_CLASS}`)) old.remove();
  const frame = document.createElement('iframe');
  frame.className = FRAME_CLASS;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  document.body.append(frame);
  const view = frame.contentWindow as FrameWindow | null;
  const target = frame.contentDocument;
  if (!view || !target) throw new Error('print frame has no document');

  // Styles leave the text before it is parsed: even an inert parsed document reports them to the CSP.
  const css = [...payload.html.matchAll(STYLE_ELEMENT)].map((match) => match[1] ?? '').join('\n');
  const markup = payload.html.replace(STYLE_ELEMENT, '').replace(STYLE_ATTRIBUTE, ` ${STYLE_DATA}="$1"`);
  const source = new DOMParser().parseFromString(markup, 'text/html');
  target.title = source.title;
  target.documentElement.lang = source.documentElement.lang;

  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  target.adoptedStyleSheets = [sheet];
  target.body.replaceChildren(...[...source.body.childNodes].map((node) => target.importNode(node, true)));
  for (const element of target.body.querySelectorAll<HTMLElement>(`[${STYLE_DATA}]`)) {
    element.style.cssText = element.getAttribute(STYLE_DATA) ?? '';
    element.removeAttribute(STYLE_DATA);
  }

  const faces = payload.fonts.map(
    (font) => new view.FontFace(font.family, base64Bytes(font.woff2Base64), { weight: String(font.weight), unicodeRange: font.unicodeRange, display: 'block' }),
  );
  for (const face of faces) target.fonts.add(face);
  await Promise.all(faces.map((face) => face.load()));
  await target.fonts.ready;
  view.focus();
  view.print();
}

function base64Bytes(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}
