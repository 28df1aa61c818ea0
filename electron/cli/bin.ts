// The executable entry (bundled to dist/cli.js). Exits with the command's code once output is flushed;
// a stray handle cannot keep a finished command alive for more than a second.
import { runCli } from './main';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 1000).unref();
});
