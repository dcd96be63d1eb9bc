import { app, session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/security';

/**
 * Process-wide hardening: our CSP on every response, no permissions (camera, notifications …),
 * no navigation away from our page, no new windows, no <webview>.
 */
export function lockDown(isOurPage: (url: string) => boolean): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOurPage(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOurPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Same document, ignoring the fragment. */
export function samePage(url: string, page: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(page);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
