import { createChecksHost, type ChecksRequest } from './checks-host';

/** The checks worker: runs the rules off the page's thread, so a re-check never delays a keystroke. */
const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<ChecksRequest>) => void) | null };
const host = createChecksHost();
scope.onmessage = (event) => scope.postMessage(host.handle(event.data));
