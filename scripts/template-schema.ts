import '../src/main/runtime/require-script-node';
import { writeFileSync } from 'node:fs';
import { templateJsonSchema } from '../src/core/templates/json-schema';

/** Writes resources/template.schema.json from the zod schemas (a test keeps it in step). */
writeFileSync(new URL('../resources/template.schema.json', import.meta.url), templateJsonSchema());
