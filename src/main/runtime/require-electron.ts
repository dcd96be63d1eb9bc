import { exitIfRuntimeTooOld } from './node-version';

// Imported first by the Electron main process, before electron or better-sqlite3 are touched.
exitIfRuntimeTooOld('npm start');
