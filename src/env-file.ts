import { existsSync } from 'node:fs';

/**
 * Reads `.env` from the working folder when there is one, so `npm start` and `npx rollout` work after
 * `cp .env.example .env`. Variables already set in the environment win, as with `node --env-file`.
 */
export function loadEnvFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
