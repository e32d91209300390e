import { datesAsFile } from './import-base.js';
import type { Program } from './program.js';
import type { ProgramFileInput } from './program-file.js';

/**
 * The program in the import format, keys in a fixed order and defaults left out, so that
 * export → import → export gives the same bytes.
 */
export function programToFile(p: Program): ProgramFileInput {
  const out: ProgramFileInput = { slug: p.slug, name: p.name };
  if (p.summary) out.summary = p.summary;
  out.timezone = p.timezone;
  if (p.digest) {
    out.digest = { channel: p.digest.channel, schedule: p.digest.schedule };
    if (p.reminderDaysBefore !== 1) out.digest.reminder_days_before = p.reminderDaysBefore;
  }
  if (p.updatesChannel) out.updates_channel = p.updatesChannel;
  if (p.canvasChannel) out.canvas = { channel: p.canvasChannel };
  if (p.admins.length) out.admins = [...p.admins];
  out.workstreams = p.workstreams.map((w) => ({
    key: w.key,
    name: w.name,
    ...(w.ownerTeam ? { owner: w.ownerTeam } : {}),
    ...(w.ownerIds.length ? { owner_ids: [...w.ownerIds] } : {}),
    ...(w.backupIds.length ? { backup_ids: [...w.backupIds] } : {}),
    ...(w.state ? { state: w.state } : {}),
    ...(w.summary ? { summary: w.summary } : {}),
    status: w.status,
    risk: w.risk,
    ...(w.blocker ? { blocker: w.blocker } : {}),
    ...(w.dependsOn.length ? { depends_on: [...w.dependsOn] } : {}),
    ...datesAsFile(w),
  }));
  if (p.milestones.length) {
    out.milestones = p.milestones.map((m) => ({
      key: m.key,
      name: m.name,
      ...(m.owner ? { owner: m.owner } : {}),
      ...datesAsFile(m),
      ...(m.dependsOn.length ? { depends_on: [...m.dependsOn] } : {}),
    }));
  }
  if (p.risks.length) {
    // The id comes first: it is what a re-import recognises the item by once its text was edited in Slack.
    out.risks = p.risks.map((r) => ({
      id: r.id,
      text: r.text,
      severity: r.severity,
      ...(r.workstream ? { workstream: r.workstream } : {}),
      ...(r.status !== 'open' ? { status: r.status } : {}),
    }));
  }
  if (p.readiness.length) {
    out.readiness = p.readiness.map((r) => ({
      name: r.name,
      signal: r.signal,
      ...(r.note ? { note: r.note } : {}),
    }));
  }
  if (p.actions.length) {
    out.actions = p.actions.map((a) => ({
      id: a.id,
      text: a.text,
      ...(a.owner ? { owner: a.owner } : {}),
      ...(a.workstream ? { workstream: a.workstream } : {}),
      ...(a.due ? { due: a.due } : {}),
      ...(a.done ? { done: true } : {}),
    }));
  }
  if (p.holidays.length) {
    // A single unnamed day as the date alone, as people write it.
    out.holidays = p.holidays.map((h) =>
      h.from === h.to && !h.name
        ? h.from
        : { from: h.from, ...(h.to !== h.from ? { to: h.to } : {}), ...(h.name ? { name: h.name } : {}) },
    );
  }
  if (p.decisions.length) {
    out.decisions = p.decisions.map((d) => ({
      id: d.id,
      question: d.question,
      ...(d.workstreams.length ? { workstreams: [...d.workstreams] } : {}),
      ...(d.deciders.length ? { deciders: [...d.deciders] } : {}),
      ...(d.neededBy ? { needed_by: d.neededBy } : {}),
      ...(d.state !== 'open' ? { state: d.state } : {}),
      ...(d.outcome ? { outcome: d.outcome } : {}),
      ...(d.decidedBy.length ? { decided_by: [...d.decidedBy] } : {}),
      ...(d.decidedAt ? { decided_at: d.decidedAt } : {}),
      ...(d.link ? { link: d.link } : {}),
      ...(d.reason ? { reason: d.reason } : {}),
    }));
  }
  if (p.references.length) {
    out.references = p.references.map((r) => ({ title: r.title, ...(r.url ? { url: r.url } : {}) }));
  }
  return out;
}
