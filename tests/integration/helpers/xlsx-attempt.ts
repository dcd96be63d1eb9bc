/**
 * Child process for the xlsx-limits test: reads each file given as last year's Excel (prior) or as
 * a code list (catalog) and prints one JSON line per file: the refusal's code and params, or "read",
 * and how long it took. A file that exhausts memory kills this process, not the test run.
 */
import { readFileSync } from 'node:fs';
import { emptyWorkbook } from '../../../src/core/model';
import { importCatalogFile } from '../../../src/main/services/catalog-import';
import { previewPrior } from '../../../src/main/services/prior';

const target = emptyWorkbook({ code: '036', name: '某市医疗保障局', year: 2025, publishedOn: '' });
for (const argument of process.argv.slice(2)) {
  const [importer, via, path] = argument.split('|') as ['prior' | 'catalog', 'path' | 'bytes', string];
  const started = performance.now();
  let outcome: { code: string; params?: unknown };
  try {
    if (importer === 'prior') await previewPrior(target, via === 'path' ? { path } : { fileName: 'upload.xlsx', bytes: readFileSync(path) });
    else await importCatalogFile('codes.xlsx', readFileSync(path), 'function');
    outcome = { code: 'read' };
  } catch (error) {
    const failure = error as { code?: string; params?: unknown; message?: string };
    outcome = { code: failure.code ?? String(failure.message), params: failure.params };
  }
  console.log(JSON.stringify({ file: path, importer, via, ms: Math.round(performance.now() - started), ...outcome }));
}
