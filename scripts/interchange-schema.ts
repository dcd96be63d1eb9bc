import '../src/main/runtime/require-script-node';
import { writeFileSync } from 'node:fs';
import { interchangeJsonSchema } from '../src/core/interchange-json-schema';

/** Writes resources/interchange.schema.json from the zod schema (a test keeps it in step). */
writeFileSync(new URL('../resources/interchange.schema.json', import.meta.url), interchangeJsonSchema());
