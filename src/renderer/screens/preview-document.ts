/**
 * The export's preview page (`tables.preview`) shown inside the app. The page's CSP forbids inline
 * styles, which an <iframe srcdoc> would inherit, so the document is parsed inertly, its tables go
 * into a shadow root, its <style> becomes a constructed stylesheet and its style attributes are
 * applied through the CSSOM — which the CSP allows — instead of as attributes.
 */
export interface PreviewParts {
  css: string;
  body: string;
}

const STYLE_ATTRIBUTE = / style="([^"]*)"/g;
const STYLE_ELEMENT = /<style[^>]*>([\s\S]*?)<\/style>/gi;

export function splitPreviewDocument(html: string): PreviewParts {
  // Style elements and attributes are taken out of the text before parsing: even an inert parsed
  // document reports them to the page's CSP.
  const css = [...html.matchAll(STYLE_ELEMENT)].map((match) => match[1] ?? '').join('\n');
  const markup = html.replace(STYLE_ELEMENT, '').replace(STYLE_ATTRIBUTE, ' data-inline-style="$1"');
  const parsed = new DOMParser().parseFromString(markup, 'text/html');
  // The preview's page rules address <body>; inside a shadow root the host plays that part.
  return { css: css.replace(/(^|[}\s,])body(?=\s*[{,])/g, '$1:host'), body: parsed.body.innerHTML };
}

export function mountPreview(host: HTMLElement, parts: PreviewParts): ShadowRoot {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  // Printed pages are A4; on screen a table keeps a readable width and the pane scrolls instead.
  sheet.replaceSync(`:host { display: block; }\n${parts.css}\n.report-table.landscape { min-width: 1040px; }\n.report-table.portrait { min-width: 720px; }`);
  root.adoptedStyleSheets = [sheet];
  root.innerHTML = parts.body;
  for (const element of root.querySelectorAll<HTMLElement>('[data-inline-style]')) {
    element.style.cssText = element.dataset.inlineStyle ?? '';
    element.removeAttribute('data-inline-style');
  }
  return root;
}
