import { exitIfRuntimeTooOld } from './node-version';

// Imported first by the scripts and benches run through `npm run …`.
exitIfRuntimeTooOld('npm run …');
