import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds dist/ once per run, so tests that spawn `node dist/…` as a user would run the current code, and
 * the playground's page, which the browser tests load.
 * tsc writes its output even when it reports type errors; those are the typecheck's business (`npm test`
 * runs it), so they are shown here but do not stop the tests of code that does not involve them.
 */
export default function setup(): void {
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    process.stderr.write(`global setup: tsc reported problems; dist/ was still written.\n${output}\n`);
  }
  // Unlike tsc, esbuild writes nothing when it fails, and a page that is not built fails every browser test.
  execFileSync('npm', ['run', '--silent', 'build:page'], { cwd: ROOT, stdio: 'inherit' });
}
