import '../runtime/require-cli-node';
import { runCli } from './run';

/** `npm run cli -- <command> …`: JSON on stdout, messages on stderr in the user's language. */
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
