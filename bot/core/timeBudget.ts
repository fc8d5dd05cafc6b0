/**
 * The time budget check on a session plan (DESIGN.md: the guide says budget more time than you
 * think, build in adequate breaks and take them). It warns; it never blocks the facilitator.
 *
 * The rules, chosen so they are easy to explain to a facilitator:
 * - overrun: the plan adds up to more than the meeting.
 * - noBuffer: less spare time than 5 minutes or 5% of the meeting, whichever is more (a 3-hour
 *   meeting keeps 9 minutes spare), because things take longer than planned.
 * - thinBreaks: fewer than 10 minutes of breaks for each hour of meeting (15 when someone's access
 *   needs ask for more breaks). Only for meetings longer than the stretch limit below: a shorter
 *   meeting needs no break at all.
 * - longStretch: more than 60 minutes in a row without a break (45 with more breaks).
 */
import type { Agenda } from './agenda';

export type TimeBudgetCode = 'overrun' | 'noBuffer' | 'thinBreaks' | 'longStretch';

export interface TimeBudgetWarning {
  readonly code: TimeBudgetCode;
  /** For the facilitator, plain English. */
  readonly message: string;
  /** The number the warning is about: minutes over, minutes spare, break minutes, stretch length. */
  readonly minutes: number;
  /** For longStretch: the item the stretch runs up to. */
  readonly itemId?: string;
}

export interface TimeBudgetOptions {
  readonly meetingMinutes: number;
  /** Someone's access needs ask for more breaks. */
  readonly needsMoreBreaks: boolean;
}

export interface BreakRule {
  /** Most minutes in a row without a break. */
  readonly stretchLimit: number;
  /** Least break minutes for each hour of meeting. */
  readonly minutesPerHour: number;
}

const USUAL: BreakRule = { stretchLimit: 60, minutesPerHour: 10 };
const MORE_BREAKS: BreakRule = { stretchLimit: 45, minutesPerHour: 15 };
const MIN_SPARE = 5;
const SPARE_SHARE = 0.05;

export function breakRule(needsMoreBreaks: boolean): BreakRule {
  return needsMoreBreaks ? MORE_BREAKS : USUAL;
}

export function requiredSpareMinutes(meetingMinutes: number): number {
  return Math.max(MIN_SPARE, Math.ceil(meetingMinutes * SPARE_SHARE));
}

/** Break minutes a meeting of this length should have; 0 when it is short enough to need none. */
export function requiredBreakMinutes(meetingMinutes: number, needsMoreBreaks: boolean): number {
  const rule = breakRule(needsMoreBreaks);
  return meetingMinutes > rule.stretchLimit ? Math.ceil((rule.minutesPerHour * meetingMinutes) / 60) : 0;
}

export function totalMinutes(agenda: Agenda): number {
  return agenda.reduce((sum, item) => sum + item.minutes, 0);
}

/** Longest run of minutes between breaks (or the start and the end), and the item it runs up to. */
export function longestStretchAt(agenda: Agenda): { readonly minutes: number; readonly endIndex: number; readonly startIndex: number } {
  let best = { minutes: 0, endIndex: -1, startIndex: -1 };
  let run = 0;
  let runStart = 0;
  agenda.forEach((item, index) => {
    if (item.kind === 'break') {
      run = 0;
      runStart = index + 1;
      return;
    }
    run += item.minutes;
    if (run > best.minutes) best = { minutes: run, endIndex: index, startIndex: runStart };
  });
  return best;
}

export function longestStretch(agenda: Agenda): number {
  return longestStretchAt(agenda).minutes;
}

export function checkTimeBudget(agenda: Agenda, options: TimeBudgetOptions): readonly TimeBudgetWarning[] {
  const warnings: TimeBudgetWarning[] = [];
  const meeting = options.meetingMinutes;
  const planned = totalMinutes(agenda);
  const spare = meeting - planned;
  const moreBreaksNote = options.needsMoreBreaks ? " Someone's access needs ask for more breaks." : '';

  if (spare < 0) {
    warnings.push({
      code: 'overrun',
      minutes: -spare,
      message: `The plan adds up to ${minutes(planned)} but the meeting is ${minutes(meeting)}. Take out ${minutes(-spare)}, or make the meeting longer.`,
    });
  } else if (spare < requiredSpareMinutes(meeting)) {
    warnings.push({
      code: 'noBuffer',
      minutes: spare,
      message: `${spare === 0 ? 'No time is' : `Only ${minutes(spare)} ${spare === 1 ? 'is' : 'are'}`} left spare. Leave at least ${minutes(requiredSpareMinutes(meeting))} free, because things often take longer than planned.`,
    });
  }

  const rule = breakRule(options.needsMoreBreaks);
  const neededBreaks = requiredBreakMinutes(meeting, options.needsMoreBreaks);
  const breakTotal = totalMinutes(agenda.filter((item) => item.kind === 'break'));
  if (breakTotal < neededBreaks) {
    warnings.push({
      code: 'thinBreaks',
      minutes: breakTotal,
      message: `The plan has ${breakTotal === 0 ? 'no breaks' : `${minutes(breakTotal)} of breaks`}. For a meeting this long, plan at least ${minutes(neededBreaks)} of breaks (about ${rule.minutesPerHour} minutes an hour).${moreBreaksNote}`,
    });
  }

  const stretch = longestStretchAt(agenda);
  if (stretch.minutes > rule.stretchLimit) {
    const single = stretch.startIndex === stretch.endIndex;
    const where = single ? `Item ${stretch.endIndex + 1} runs` : `Items ${stretch.startIndex + 1} to ${stretch.endIndex + 1} run`;
    warnings.push({
      code: 'longStretch',
      minutes: stretch.minutes,
      itemId: agenda[stretch.endIndex].id,
      message: `${where} for ${minutes(stretch.minutes)} without a break. Add a break so nobody goes more than ${minutes(rule.stretchLimit)} without one.${moreBreaksNote}`,
    });
  }
  return warnings;
}

function minutes(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`;
}
