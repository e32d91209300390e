import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open.js';
import { buildDigest } from '../../src/domain/digest-content.js';
import { FIELD_LIMITS as L } from '../../src/domain/field-limits.js';
import type { Program } from '../../src/domain/program.js';
import { BODY_LIMIT_BYTES } from '../../src/http/request-gate.js';
import {
  blockActionPayload,
  interactionBody,
  viewSubmissionPayload,
} from '../../src/slack-standin/requests.js';
import { ProgramRepo } from '../../src/store/program-repo.js';
import { digestMessage } from '../../src/ui/digest-message.js';
import { homeView } from '../../src/ui/home-view.js';
import { nextActionModal } from '../../src/ui/next-action-modal.js';
import { readinessModal } from '../../src/ui/readiness-modal.js';
import { reminderMessage } from '../../src/ui/reminder-message.js';
import { riskModal } from '../../src/ui/risk-modal.js';
import { statusPage } from '../../src/ui/status-overview.js';
import { workstreamUpdateModal } from '../../src/ui/workstream-modal.js';
import { importFixture, OWNER } from '../support/programs.js';

/** 3 bytes of UTF-8, 9 once form-encoded: the costliest character a person can type into a field. */
const WIDE = '漢';
const full = (n: number) => WIDE.repeat(n);
/** What Slack adds around a payload that the stand-in's builders leave out (app, team, hashes, times). */
const SLACK_EXTRAS = 2048;
const NOW = new Date('2026-11-23T16:00:00Z');

/** A program with every field at its limit, in the costliest characters, and more of everything than shown. */
function fullestProgram(): Program {
  const db = openDatabase(':memory:');
  migrate(db);
  const keys = Array.from({ length: 120 }, (_, i) => `ws-${String(i).padStart(L.workstreamKey - 3, '0')}`);
  importFixture(
    db,
    {
      slug: 'fullest',
      name: full(L.programName),
      summary: full(L.programSummary),
      timezone: 'America/Los_Angeles',
      digest: { channel: 'C0LEADERS', schedule: '0 9 * * 1' },
      admins: [OWNER],
      workstreams: keys.map((key, i) => ({
        key,
        name: full(L.workstreamName - 4) + String(i).padStart(4, '0'),
        owner: full(L.ownerTeam),
        owner_ids: [OWNER, 'UOWNER02', 'UOWNER03'],
        state: full(L.state),
        summary: full(L.summary),
        status: i % 2 ? 'blocked' : 'needs-decision',
        risk: 'high',
        blocker: full(L.blocker),
        depends_on: keys.slice(0, i).slice(-5),
      })),
      risks: Array.from({ length: 40 }, (_, i) => ({
        text: full(L.riskText),
        severity: 'high' as const,
        workstream: keys[i],
      })),
      readiness: Array.from({ length: 40 }, (_, i) => ({
        name: full(L.readinessName - 3) + String(i).padStart(3, '0'),
        signal: 'not-ready' as const,
        note: full(L.readinessNote),
      })),
      actions: Array.from({ length: 40 }, (_, i) => ({
        text: full(L.nextActionText),
        owner: full(L.nextActionOwner),
        workstream: keys[i],
        due: '2026-11-20',
      })),
      references: Array.from({ length: 20 }, () => ({
        title: full(L.referenceTitle),
        url: `https://wiki.example.com/${'a'.repeat(L.url - 30)}`,
      })),
    },
    new Date('2026-10-01T00:00:00Z'),
  );
  const program = new ProgramRepo(db).get('fullest');
  db.close();
  if (!program) throw new Error('the fullest program was not imported');
  return program;
}

type Block = KnownBlock & { element?: Record<string, unknown>; block_id?: string };

/** Every input of a modal filled to its limit: what a submission's `view.state.values` then carries. */
function fullState(blocks: Block[]) {
  const values: Record<string, Record<string, never>> = {};
  for (const block of blocks) {
    if (block.type !== 'input' || !block.element) continue;
    const e = block.element as { type: string; action_id: string; max_length?: number; options?: unknown[] };
    const value =
      e.type === 'plain_text_input'
        ? { type: e.type, value: full(e.max_length ?? 3000) }
        : e.type === 'checkboxes'
          ? { type: e.type, selected_options: e.options ?? [] }
          : { type: e.type, selected_option: e.options?.[0] ?? null, selected_date: '2026-12-01' };
    values[block.block_id ?? ''] = { [e.action_id]: value as never };
  }
  return values;
}

function submissionBytes(modal: { blocks: unknown[]; private_metadata?: string; callback_id?: string }) {
  const payload = viewSubmissionPayload({
    user: OWNER,
    callbackId: modal.callback_id ?? '',
    privateMetadata: modal.private_metadata ?? '',
    values: fullState(modal.blocks as Block[]),
    triggerId: '1.2.trigger',
  });
  (payload.view as Record<string, unknown>).blocks = modal.blocks;
  return Buffer.byteLength(interactionBody(payload)) + SLACK_EXTRAS;
}

function clickBytes(surface: {
  view?: Record<string, unknown>;
  message?: { text: string; blocks: unknown[] };
}) {
  const payload = blockActionPayload({
    user: OWNER,
    actionId: 'a'.repeat(255),
    value: 'v'.repeat(2000),
    triggerId: '1.2.trigger',
    responseUrl: 'https://hooks.slack.com/actions/T0001/1/abc',
    ...(surface.view ? { view: { id: 'V0HOME', ...surface.view } } : {}),
  });
  if (surface.message) payload.message = { type: 'message', ts: '1700000000.000100', ...surface.message };
  return Buffer.byteLength(interactionBody(payload)) + SLACK_EXTRAS;
}

/** Rollout's largest legitimate payloads, by the surface they come from, in bytes as Slack POSTs them. */
function largestPayloads(): Record<string, number> {
  const p = fullestProgram();
  const w = p.workstreams[0];
  const risk = p.risks[0];
  const action = p.actions[0];
  const readiness = p.readiness[0];
  if (!w || !risk || !action || !readiness) throw new Error('the fullest program is missing parts');
  const digest = buildDigest({ program: p, asOf: NOW, changesSince: [] });
  return {
    'submit: workstream update modal': submissionBytes(workstreamUpdateModal(p, w)),
    'submit: risk modal': submissionBytes(riskModal(p, risk)),
    'submit: next action modal': submissionBytes(nextActionModal(p, action)),
    'submit: readiness modal': submissionBytes(readinessModal(p, readiness)),
    'click: App Home tab': clickBytes({ view: { ...homeView({ userId: OWNER, programs: [p], now: NOW }) } }),
    'click: digest message': clickBytes({ message: digestMessage(digest, p) }),
    'click: status page': clickBytes({ message: statusPage(p) }),
    'click: reminder DM': clickBytes({
      message: reminderMessage({
        items: p.workstreams.map((workstream) => ({ program: p, workstream, role: 'backup' as const })),
        digests: [{ program: p, at: NOW }],
        now: NOW,
      }),
    }),
  };
}

describe('the body limit', () => {
  it('takes Rollout’s largest legitimate payloads with 40% to spare', () => {
    const sizes = largestPayloads();
    if (process.env.SHOW_PAYLOAD_SIZES) console.log(sizes);
    for (const [surface, bytes] of Object.entries(sizes)) {
      expect(bytes * 1.4, surface).toBeLessThanOrEqual(BODY_LIMIT_BYTES);
    }
  });
});
