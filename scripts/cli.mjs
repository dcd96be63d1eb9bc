// `npm run cli -- <command> …`: checks the runtime, rebuilds the bundled CLI when a source changed,
// then runs it. The bundle is plain JavaScript, so a command starts without compiling TypeScript.
import { exitIfNodeTooOld } from './require-node.mjs';

exitIfNodeTooOld('npm run cli -- …');

const { buildCli, bundleIsStale, bundlePath } = await import('./build-cli.mjs');
if (bundleIsStale()) await buildCli();
const { pathToFileURL } = await import('node:url');
await import(pathToFileURL(bundlePath).href);
