// A short plain-text summary of a workshop, for the body of an email, and the `mailto:` link that
// opens it in the device's mail app.
import type { Agreement, NowAnswer, Workshop, WorkshopBundle } from '../domain/types.ts';
import { orderedGroups } from '../domain/results.ts';
import { outcomeStats, type OutcomeStats } from '../domain/stats.ts';
import { hasAgreedScore } from '../domain/report.ts';
import { formatDate } from '../domain/workshop-input.ts';
import type { Framework, Outcome } from '../framework/types.ts';

/**
 * Longest `mailto:` link made. Some mail apps (and Outlook on Windows, around 2,000 characters)
 * refuse or cut longer ones, so the body is shortened to fit.
 */
export const MAX_MAILTO_LENGTH = 1800;

/** Added where a summary was shortened to fit in the link. */
export const SHORTENED_NOTE = '…\n(Shortened to fit in an email link: the full results are in the exported files.)';

/** The subject line: `Budget review: workshop results, 27 November 2026`. */
export function summarySubject(workshop: Pick<Workshop, 'name' | 'date'>): string {
  // A very long name would leave no room in the link for the body.
  const name = workshop.name.length > 80 ? `${workshop.name.slice(0, 79)}…` : workshop.name;
  return `${name}: workshop results, ${formatDate(workshop.date)}`;
}

/** A number as people write it: 3, 2.5. */
const shownNumber = (n: number) => String(Math.round(n * 10) / 10);

/** "3", "Not sure", or "?" for no answer. */
function shownNow(framework: Framework, now: NowAnswer): string {
  if (now === 'not-sure') return framework.scale.notSureLabel;
  return now === null ? '?' : String(now);
}

/**
 * One outcome's line: `- Data: agreed 2 → 4`; else the groups' median and the range of their "now",
 * `- Data: median 2.5 → 4, now 2 to 3 (3 groups, 1 not sure)`; else `- Data: not scored`.
 */
function outcomeLine(
  framework: Framework,
  outcome: Outcome,
  stats: OutcomeStats,
  agreement: Agreement | undefined,
): string {
  if (hasAgreedScore(agreement)) {
    return `- ${outcome.title}: agreed ${shownNow(framework, agreement.now)} → ${agreement.target ?? '?'}`;
  }
  const { medianNow: now, medianTarget: target, notSureCount, minNow, maxNow } = stats;
  const unsure = notSureCount > 0 ? `${notSureCount} not sure` : '';
  if (now === null && target === null) return `- ${outcome.title}: ${unsure || 'not scored'}`;
  const scoredGroups = Math.max(stats.nowValues.length, stats.targetValues.length);
  const count = [`${scoredGroups} ${scoredGroups === 1 ? 'group' : 'groups'}`, unsure].filter(Boolean).join(', ');
  const range = minNow !== null && maxNow !== null && minNow !== maxNow ? `, now ${minNow} to ${maxNow}` : '';
  const label = scoredGroups > 1 ? 'median ' : '';
  return `- ${outcome.title}: ${label}${now === null ? '?' : shownNumber(now)} → ${target === null ? '?' : shownNumber(target)}${range} (${count})`;
}

/** A short plain-text summary of the workshop, its groups, each outcome's scores and the actions. */
export function plainSummary(framework: Framework, bundle: WorkshopBundle): string {
  const { workshop } = bundle;
  const levels = framework.scale.levels.map((l) => l.value);
  const groups = orderedGroups(bundle.groups).map((g) => g.name);
  const done = bundle.actions.filter((a) => a.status === 'done').length;
  const lines = [
    workshop.name,
    [formatDate(workshop.date), workshop.organisation].filter(Boolean).join(', '),
    ...(workshop.facilitator ? [`Facilitator: ${workshop.facilitator}`] : []),
    groups.length ? `Groups: ${groups.join(', ')}` : 'No groups yet',
    '',
    `Now → target for each outcome, on a scale of ${Math.min(...levels)} to ${Math.max(...levels)}: the agreed score, or the groups' median:`,
    ...outcomeStats(framework, bundle).map((stats, i) =>
      outcomeLine(
        framework,
        framework.outcomes[i]!,
        stats,
        bundle.agreements.find((a) => a.outcomeId === stats.outcomeId),
      ),
    ),
    '',
    bundle.actions.length === 0 ? 'Actions: none yet.' : `Actions: ${bundle.actions.length} (${done} done).`,
    '',
    'The full results (every group’s scores, the agreed scores and the actions) are in the attached or exported files.',
  ];
  return lines.join('\n');
}

/** Plain text with CRLF line ends, as mail links expect, percent-encoded. */
const encoded = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));

/** Cuts text to at most `n` characters without splitting a character made of two UTF-16 units. */
function cut(text: string, n: number): string {
  return Array.from(text).slice(0, Math.max(0, n)).join('');
}

/**
 * A `mailto:` link that opens a new email with this subject and body (no recipient: people choose).
 * Kept to `max` characters: the body is shortened at a line break, ending with `SHORTENED_NOTE`.
 */
export function mailtoHref(subject: string, body: string, max = MAX_MAILTO_LENGTH): string {
  const href = (title: string, text: string) => `mailto:?subject=${encoded(title)}&body=${encoded(text)}`;
  if (href(subject, body).length <= max) return href(subject, body);
  // The subject takes at most a third of the room, so there is always room to say what is missing.
  let title = subject;
  for (let n = Array.from(subject).length - 1; n >= 0 && href(title, '').length > max / 3; n -= 1)
    title = `${cut(subject, n)}…`;
  const link = (text: string) => href(title, text);
  if (link(body).length <= max) return link(body);
  const fits = (text: string) => link(`${text}\n${SHORTENED_NOTE}`).length <= max;
  const lines = body.split(/\r?\n/);
  let kept = '';
  for (const line of lines) {
    const next = kept === '' ? line : `${kept}\n${line}`;
    if (!fits(next)) break;
    kept = next;
  }
  if (kept === '') {
    // Not even the first line fits: cut it, a character at a time, until it does.
    let first = lines[0] ?? '';
    while (first !== '' && !fits(first)) first = cut(first, Array.from(first).length - 1);
    kept = first;
  }
  return link(`${kept}\n${SHORTENED_NOTE}`);
}
