import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds dist/ for the tests that run `node dist/…` as a user would, and the playground's page, which the
 * browser tests load, unless dist/ is already newer than everything it is built from (as right after
 * `npm ci`, whose `prepare` builds it, or a second test run with no change in between).
 * tsc writes its output even when it reports type errors; those are the typecheck's business (`npm test`
 * runs it), so they are shown here but do not stop the tests of code that does not involve them.
 */
export default function setup(): void {
  if (process.env.ROLLOUT_TEST_BUILD !== 'always' && distIsCurrent()) return;
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    process.stderr.write(`global setup: tsc reported problems; dist/ was still written.\n${output}\n`);
  }
  // Unlike tsc, esbuild writes nothing when it fails, and a page that is not built fails every browser test.
  execFileSync('npm', ['run', '--silent', 'build:page'], { cwd: ROOT, stdio: 'inherit' });
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * True when every module of src/ has its dist/ file and the page its bundle, all written after the last
 * change to any source, tsconfig or package file: a build writes every output, so the oldest output is the
 * last build's time. Any doubt (a missing file, an edit since) means a build, never a stale run.
 */
export function distIsCurrent(root = ROOT): boolean {
  const sources = files(join(root, 'src'));
  const pageSource = join(root, 'src/playground/page');
  const inputs = [
    ...sources,
    ...['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) =>
      join(root, f),
    ),
  ].filter((f) => existsSync(f));
  const outputs = [
    ...sources
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith(pageSource))
      .map((f) => join(root, 'dist', relative(join(root, 'src'), f).replace(/\.tsx?$/, '.js'))),
    join(root, 'dist/playground/page/main.js'),
  ];
  if (!outputs.every((f) => existsSync(f))) return false;
  const newestInput = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return oldestOutput >= newestInput;
}
