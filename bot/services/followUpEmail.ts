/**
 * An email-ready text for people the bot cannot reach (anonymous joiners, people on the phone,
 * anyone without a 1:1 chat with Coproduce): the same for everyone, so it names nobody and holds
 * nothing from the organiser view. The organiser pastes it into their own email. Plain text:
 * email clients show it as typed.
 */
import type { DigestView } from '../core/digestView';
import type { FollowAction } from '../core/actions';
import { fill } from '../cards/senseCheckCard';
import { followUpStrings } from '../cards/strings/followUp.en-GB';
import { longDate } from './exportsMarkdown';

const text = followUpStrings.email;

export interface EmailText {
  readonly subject: string;
  readonly body: string;
}

const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

export function followUpEmail(view: DigestView, actions: readonly FollowAction[], signature: string | undefined): EmailText {
  const date = longDate(view.occurrence);
  const lines: string[] = [text.greeting, '', fill(text.thanks, { date }), '', text.purpose, oneLine(view.purpose.outcome), ''];
  const checks = view.senseChecks.length;
  if (checks > 0) lines.push(fill(text.senseChecks, { count: checks }), '');
  if (view.nextSteps.length > 0) {
    lines.push(text.nextSteps, ...view.nextSteps.map((s) => `- ${oneLine(s.what)}${s.due ? ` (${longDate(s.due)})` : ''}`), '');
  }
  const done = actions.filter((a) => a.status === 'done');
  if (done.length > 0) lines.push(text.done, ...done.map((a) => `- ${oneLine(a.what)}${a.statusNote ? `: ${oneLine(a.statusNote)}` : ''}`), '');
  if (view.followUpDate) lines.push(fill(text.followUp, { date: longDate(view.followUpDate) }), '');
  if (view.links) lines.push(text.link, view.links.markdown, '');
  lines.push(text.payment, '', text.signOff, ...(signature ? [oneLine(signature)] : []));
  return { subject: fill(text.subject, { date }), body: lines.join('\n') };
}
