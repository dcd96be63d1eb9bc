import { exitIfRuntimeTooOld } from './node-version';

// Imported first by the CLI entry, so it runs before any other module is evaluated.
exitIfRuntimeTooOld('npm run cli -- …');
