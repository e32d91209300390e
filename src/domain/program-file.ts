import { z } from 'zod';
import { firesMoreThanOnceAWeek, parseCron, scheduleProblem } from './cron-schedule.js';
import { dependencyCycles } from './dependency-cycles.js';
import { FIELD_LIMITS as L } from './field-limits.js';
import { daysBetween, isCalendarDate } from './local-time.js';
import { SLACK_USER_ID } from './slack-user.js';
import { canonicalTimeZone } from './time-zone-name.js';
import { normalizeUserText, type TextField } from './user-text.js';
import { DECISION_STATES, RISK_STATES, RISKS, SIGNALS, STATUSES } from './vocabulary.js';

const slackUser = z.string().regex(SLACK_USER_ID, 'expected a Slack user ID such as U012ABCDEF');
const slackChannel = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,}$/, 'expected a Slack channel ID such as C012ABCDEF');
/** A text of the file as it is kept: one line (or, for summaries, tidy lines) with no bidi controls. */
const text = (field: TextField) =>
  z
    .string()
    .overwrite((value) => normalizeUserText(field, value))
    .max(L[field], `at most ${L[field]} characters`);
const required = (field: TextField) => text(field).min(1, 'must not be empty');
const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes (e.g. identity-sso)')
  .max(L.workstreamKey);

/**
 * A risk's or action's row in the store, as `rollout export` writes it: what lets a re-import recognise the
 * item after its text was edited in Slack. Files written by hand leave it out (matched by text, or new).
 */
const itemId = z.number().int('expected a whole number').positive('expected a positive whole number');

const calendarDate = z.string().refine(isCalendarDate, 'expected a date as YYYY-MM-DD');

const fullUrl = z.url('expected a full URL such as https://wiki.example.com/page').max(L.url);

const REMINDER_DAYS = 'expected a whole number of days from 1 to 6, or null for no reminders';

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of ${values.join(', ')}` });

const workstreamFileSchema = z.strictObject({
  key,
  name: required('workstreamName'),
  owner: text('ownerTeam').default(''),
  owner_ids: z.array(slackUser).default([]),
  backup_ids: z.array(slackUser).default([]),
  state: text('state').default(''),
  summary: text('summary').default(''),
  status: enumOf(STATUSES),
  risk: enumOf(RISKS),
  blocker: text('blocker').default(''),
  depends_on: z.array(key).default([]),
  target: calendarDate.optional(),
  /** Written by export when the target has moved; a file that changes it re-baselines. */
  baseline: calendarDate.optional(),
});

/** A milestone's key when the file gives none: its name, as a key (`Internal readiness gate` → `internal-readiness-gate`). */
export function milestoneKey(name: string): string {
  const made = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, L.workstreamKey);
  return made || 'milestone';
}

/**
 * A holiday: a date, or `{ from, to, name }` for a range or a named day. Read as the range it is, so the
 * rest of Rollout sees one shape.
 */
const holidaySchema = z
  .union([
    calendarDate.transform((day) => ({ from: day, to: day, name: '' })),
    z
      .strictObject({
        from: calendarDate,
        to: calendarDate.optional(),
        name: z.string().max(L.referenceTitle).default(''),
      })
      .transform(({ from, to, name }) => ({ from, to: to ?? from, name: name.trim() })),
  ])
  .refine((h) => h.to >= h.from, 'expected `to` on or after `from`')
  .refine((h) => daysBetween(h.from, h.to) < 366, 'a holiday range may be at most a year long');

const milestoneFileSchema = z
  .strictObject({
    key: key.optional(),
    name: required('workstreamName'),
    owner: text('ownerTeam').default(''),
    target: calendarDate.optional(),
    baseline: calendarDate.optional(),
    depends_on: z.array(key).default([]),
  })
  .transform(({ key: given, ...m }) => ({ key: given ?? milestoneKey(m.name), ...m }));

/** Just enough shape for the cross-checks below to walk the lists without tripping over a malformed entry. */
const walkableList = (shape: Record<string, z.ZodType> = {}) => z.array(z.looseObject(shape));
const walkable = z.looseObject({
  workstreams: walkableList({ depends_on: z.array(z.unknown()) }),
  milestones: walkableList({ depends_on: z.array(z.unknown()) }),
  risks: walkableList(),
  readiness: walkableList(),
  actions: walkableList(),
  decisions: walkableList({ workstreams: z.array(z.unknown()) }),
});
/** Zod skips refinements once a field failed; run them anyway so one pass lists every problem of a file. */
const crossChecksEvenWhenFieldsAreWrong = {
  when: (payload: { value: unknown }) => walkable.safeParse(payload.value).success,
};

const programFileSchema = z
  .strictObject({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes (e.g. builder-insights)')
      .max(64),
    name: required('programName'),
    summary: text('programSummary').default(''),
    timezone: z
      .string()
      .transform((name, ctx) => {
        const zone = canonicalTimeZone(name);
        if (zone.ok) return zone.zone;
        ctx.addIssue({ code: 'custom', message: zone.message });
        return z.NEVER;
      })
      .default('UTC'),
    digest: z
      .strictObject({
        channel: slackChannel,
        schedule: z.string().superRefine((expression, ctx) => {
          const problem = scheduleProblem(expression);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
        reminder_days_before: z
          .number()
          .int(REMINDER_DAYS)
          .min(1, REMINDER_DAYS)
          .max(6, REMINDER_DAYS)
          .nullable()
          .default(1),
      })
      .optional(),
    updates_channel: slackChannel.optional(),
    canvas: z.strictObject({ channel: slackChannel }).optional(),
    admins: z.array(slackUser).default([]),
    workstreams: z.array(workstreamFileSchema).default([]),
    milestones: z.array(milestoneFileSchema).default([]),
    risks: z
      .array(
        z.strictObject({
          id: itemId.optional(),
          text: required('riskText'),
          severity: enumOf(RISKS),
          workstream: key.optional(),
          status: enumOf(RISK_STATES).default('open'),
        }),
      )
      .default([]),
    readiness: z
      .array(
        z.strictObject({
          name: required('readinessName'),
          signal: enumOf(SIGNALS),
          note: text('readinessNote').default(''),
        }),
      )
      .default([]),
    actions: z
      .array(
        z.strictObject({
          id: itemId.optional(),
          text: required('nextActionText'),
          owner: text('nextActionOwner').optional(),
          workstream: key.optional(),
          due: calendarDate.optional(),
          done: z.boolean().default(false),
        }),
      )
      .default([]),
    holidays: z.array(holidaySchema).default([]),
    decisions: z
      .array(
        z.strictObject({
          id: itemId.optional(),
          question: required('decisionQuestion'),
          workstreams: z.array(key).default([]),
          deciders: z.array(slackUser).default([]),
          needed_by: calendarDate.optional(),
          state: enumOf(DECISION_STATES).default('open'),
          outcome: text('decisionOutcome').default(''),
          decided_by: z.array(slackUser).default([]),
          decided_at: calendarDate.optional(),
          link: fullUrl.optional(),
          reason: text('decisionReason').default(''),
        }),
      )
      .default([]),
    references: z
      .array(
        z.strictObject({
          title: required('referenceTitle'),
          url: fullUrl.optional(),
        }),
      )
      .default([]),
  })
  .superRefine((file, ctx) => {
    const keys = new Map<string, number>();
    file.workstreams.forEach((w, i) => {
      if (keys.has(w.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['workstreams', i, 'key'],
          message: `duplicate key "${w.key}"`,
        });
      }
      keys.set(w.key, i);
    });
    const known = (path: (string | number)[], ref: string | undefined) => {
      if (ref !== undefined && !keys.has(ref)) {
        ctx.addIssue({ code: 'custom', path, message: `no workstream has key "${ref}"` });
      }
    };
    for (const cycle of dependencyCycles(
      file.workstreams.map((w) => ({ key: w.key, dependsOn: w.depends_on })),
    )) {
      ctx.addIssue({
        code: 'custom',
        path: ['workstreams', cycle.index, 'depends_on'],
        message: `depends_on cycle: ${cycle.keys.join(' → ')}`,
      });
    }
    file.workstreams.forEach((w, i) => {
      w.depends_on.forEach((dep, j) => {
        known(['workstreams', i, 'depends_on', j], dep);
        if (dep === w.key) {
          ctx.addIssue({
            code: 'custom',
            path: ['workstreams', i, 'depends_on', j],
            message: 'a workstream cannot depend on itself',
          });
        }
      });
      if (w.status === 'blocked' && !w.blocker) {
        ctx.addIssue({
          code: 'custom',
          path: ['workstreams', i, 'blocker'],
          message: 'a blocked workstream needs its main blocker',
        });
      }
    });
    const milestoneKeys = new Set<string>();
    file.milestones.forEach((m, i) => {
      const clash = keys.has(m.key)
        ? 'a workstream has'
        : milestoneKeys.has(m.key)
          ? 'another milestone has'
          : '';
      if (clash) {
        ctx.addIssue({
          code: 'custom',
          path: ['milestones', i, 'key'],
          message: `${clash} the key "${m.key}" (a milestone without a key takes its name's)`,
        });
      }
      milestoneKeys.add(m.key);
    });
    file.milestones.forEach((m, i) => {
      m.depends_on.forEach((dep, j) => {
        if (dep === m.key) {
          ctx.addIssue({
            code: 'custom',
            path: ['milestones', i, 'depends_on', j],
            message: 'a milestone cannot depend on itself',
          });
        } else if (!keys.has(dep) && !milestoneKeys.has(dep)) {
          ctx.addIssue({
            code: 'custom',
            path: ['milestones', i, 'depends_on', j],
            message: `no workstream or milestone has key "${dep}"`,
          });
        }
      });
    });
    for (const cycle of dependencyCycles(
      file.milestones.map((m) => ({
        key: m.key,
        dependsOn: m.depends_on.filter((d) => milestoneKeys.has(d)),
      })),
    )) {
      ctx.addIssue({
        code: 'custom',
        path: ['milestones', cycle.index, 'depends_on'],
        message: `depends_on cycle: ${cycle.keys.join(' → ')}`,
      });
    }
    file.risks.forEach((r, i) => {
      known(['risks', i, 'workstream'], r.workstream);
    });
    file.actions.forEach((a, i) => {
      known(['actions', i, 'workstream'], a.workstream);
    });
    file.decisions.forEach((d, i) => {
      d.workstreams.forEach((w, j) => {
        known(['decisions', i, 'workstreams', j], w);
      });
      if (d.state === 'decided' && !d.outcome) {
        ctx.addIssue({
          code: 'custom',
          path: ['decisions', i, 'outcome'],
          message: 'a decided decision needs its outcome',
        });
      }
    });
    for (const list of ['risks', 'actions', 'decisions'] as const) {
      const ids = new Set<number>();
      file[list].forEach((item, i) => {
        if (item.id === undefined) return;
        if (ids.has(item.id)) {
          ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicate id ${item.id}` });
        }
        ids.add(item.id);
      });
    }
    const names = new Set<string>();
    file.readiness.forEach((r, i) => {
      if (names.has(r.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['readiness', i, 'name'],
          message: `duplicate dimension "${r.name}"`,
        });
      }
      names.add(r.name);
    });
  }, crossChecksEvenWhenFieldsAreWrong);

export type ProgramFile = z.output<typeof programFileSchema>;
export type ProgramFileInput = z.input<typeof programFileSchema>;

/** `workstreams[2].status` — the way a person finds the line in their file. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, '');
}

/** `notes` are things worth saying about a valid file that do not stop the import. */
export type ParseResult =
  | { ok: true; program: ProgramFile; notes: string[] }
  | { ok: false; problems: string[] };

function notesOn(program: ProgramFile): string[] {
  const schedule = program.digest?.schedule;
  if (schedule === undefined || !firesMoreThanOnceAWeek(parseCron(schedule))) return [];
  return [
    `digest.schedule "${schedule}" fires more than once a week; one digest a week is posted, ` +
      'at the first of those times in the week (Monday to Sunday, in the program’s time zone).',
  ];
}

export function parseProgramFile(data: unknown): ParseResult {
  const result = programFileSchema.safeParse(data, {
    // Zod's default ("expected string, received undefined") for a field left out of the file.
    error: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined),
  });
  if (result.success) return { ok: true, program: result.data, notes: notesOn(result.data) };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => `${formatPath(issue.path) || '(file)'}: ${issue.message}`),
  };
}
