import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Docker cannot run where the tests run, so this reads the Dockerfile for what the image depends on.
const text = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
/** Instructions with `\` continuations joined, comments dropped. */
const instructions = text
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages = text.split(/^FROM /m).slice(1);
const runtime = stages.at(-1) ?? '';
const of = (keyword: string, where = instructions) =>
  where.filter((line) => line.toUpperCase().startsWith(`${keyword} `));

describe('Dockerfile', () => {
  it('builds in one stage and runs from a second that copies the build output', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(of('FROM').every((line) => line.includes('node:20-bookworm-slim'))).toBe(true);
    expect(runtime).toMatch(/COPY --from=build\b.*\/app\/dist/);
    expect(runtime).toMatch(/COPY --from=build\b.*\/app\/node_modules/);
    expect(runtime).toMatch(/COPY\b.*migrations/);
  });

  it('installs from the lockfile and prunes dev dependencies', () => {
    expect(text).toMatch(/RUN npm ci\b/);
    expect(text).toMatch(/npm prune --omit=dev/);
  });

  it('runs as a user other than root', () => {
    const users = of('USER', runtime.split('\n'));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i);
  });

  it('keeps the database on a volume', () => {
    expect(text).toMatch(/DATABASE_PATH=\/data\/rollout\.db/);
    expect(of('VOLUME')).toContainEqual(expect.stringContaining('/data'));
  });

  it('checks health on /healthz with node and starts dist/main.js as `npm start` does', () => {
    const [healthcheck] = of('HEALTHCHECK');
    expect(healthcheck).toMatch(/CMD \["node",.*\/healthz/);
    expect(of('EXPOSE')).toEqual(['EXPOSE 3000']);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: { start: string };
    };
    const start = pkg.scripts.start.split(/\s+/);
    expect(start.at(-1)).toBe('dist/main.js');
    expect(of('CMD').at(-1)).toBe(`CMD [${start.map((word) => `"${word}"`).join(', ')}]`);
  });
});
