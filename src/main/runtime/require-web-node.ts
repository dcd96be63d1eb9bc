import { exitIfRuntimeTooOld } from './node-version';

// Imported first by browser mode's entry, so it runs before any other module is evaluated.
exitIfRuntimeTooOld('npm run start:web');
