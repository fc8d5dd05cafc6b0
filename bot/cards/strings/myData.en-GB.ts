/**
 * Words for "my data" (cards in Teams) and the withdrawal page (our own web page, reached without
 * Teams), in plain British English. `{name}` placeholders are filled with numbers, dates or our
 * own words, never with anyone's text (that goes in plain text runs or escaped HTML).
 */
import { consentStrings } from './consent.en-GB';

/** What each consent choice is about: the same words as the consent card. */
const scopes = consentStrings.wording.standard.scopes;

/** Honest limits, shown with "my data" and again after deleting. */
const cannotReach: readonly string[] = [
  'Teams recordings and transcripts. Microsoft Teams keeps these, not Coproduce. Ask the meeting organiser to delete or edit them.',
  'Anonymous notes. Nobody knows who wrote them, so we cannot find yours.',
  'Notes that name you. Facilitators type names by hand, so we cannot find them by who you are. Ask a facilitator to change them.',
  'Answers a facilitator wrote down for you under your name. We cannot find them by who you are either. Ask a facilitator to remove them.',
  'Messages already posted in a chat, such as cards showing how many people answered.',
  'Backups. Copies in our backups are deleted when the backups expire.',
];

export const myDataStrings = {
  scopes,
  cannotReach,
  choice: {
    agree: 'You agreed.',
    notNow: 'You said not now.',
    unanswered: 'You have not answered.',
  },
  card: {
    title: 'What Coproduce keeps about you',
    onlyYou: 'Only you can see this.',
    nothing: 'Coproduce keeps nothing about you that we can find.',
    // {count} is a number.
    sessions: 'Sessions we know you took part in: {count}.',
    // {date} is a {{DATE(...)}} value.
    session: 'Session on {date}',
    sessionNoDate: 'A session with no date saved',
    consent: 'Your consent choices:',
    consentByFacilitator: 'A facilitator recorded some of these for you.',
    attendance: 'We saw that you were there.',
    // {count} is a number.
    senseChecks: 'Your answers when we checked what we heard: {count}.',
    purpose: 'You answered "Did we do what we came for?"',
    personalChat: 'We know how to send you private messages in Teams.',
    // {count} is a number.
    moreSessions: 'There are {count} more sessions. The download has them all.',
    downloadHint: 'The download has everything in full.',
    downloadElsewhere: 'To download it, type my data in your private chat with Coproduce.',
    notFound: 'What we cannot find or delete:',
    downloadButton: 'Download my data',
    eraseButton: 'Delete my data',
    sharedPrompt: 'To see what Coproduce keeps about you, press the button. Only you will see the answer.',
    showButton: 'Show what you keep about me',
    notIdentified: 'Coproduce could not tell who you are, so it cannot show or change your data.',
  },
  download: {
    about: 'Everything Coproduce keeps about you, found by who you are.',
    title: 'Your download link',
    // {minutes} is a number.
    body: 'This link works once, for {minutes} minutes. Only you can see it. Do not share it.',
    button: 'Download my data',
    copy: 'If the button does not work, copy this address into your web browser:',
    notSetUp: 'Downloads are not set up on this server yet. Please ask the organiser for a copy of your data.',
  },
  erase: {
    confirmTitle: 'Delete your data?',
    confirmBody:
      'This deletes your name, your attendance, your answers and the link between you and your consent choices, in every session. It cannot be undone.',
    confirmWithdraw: 'Anything you agreed to will be withdrawn first.',
    confirmKeep: 'The consent record keeps your choices with no name, so the record can still be trusted.',
    confirmButton: 'Yes, delete my data',
    cancelButton: 'No, keep my data',
    doneTitle: 'Your data has been deleted',
    // {count} is a number.
    doneSessions: 'We deleted what we kept about you in {count} sessions.',
    doneNothing: 'We found nothing to delete.',
    doneLink: 'Your personal links no longer work.',
    limitsTitle: 'What deleting cannot reach:',
  },
  page: {
    title: 'Your consent choices',
    // {date} is a date in words, such as 26 November 2026.
    intro: 'These are your choices for the Coproduce session on {date}.',
    introNoDate: 'These are your choices for a Coproduce session.',
    about: 'The session was about:',
    private: 'Only people with this link can see this page. Please keep it private.',
    changeMind: 'You can change your mind at any time. Saying no is fine and changes nothing about taking part.',
    afterwards:
      'Withdrawing counts from now on. If something was already recorded, ask the organiser to remove your part.',
    choicesHeading: 'Your choices',
    withdrawAll: 'Withdraw everything',
    // {scope} is one of the scope names above.
    withdrawOne: 'Withdraw from: {scope}',
    nothingToWithdraw: 'You have not agreed to anything in this session, so there is nothing to withdraw.',
    // {scopes} is a list of scope names.
    withdrawn: 'Done. You have withdrawn from: {scopes}. This is saved in the consent record.',
    declined: 'Done. Your answer is now no to everything. This is saved in the consent record.',
    unchanged: 'Nothing changed. You had already said no to that.',
    dataHeading: 'Your data',
    dataBody: 'You can see what Coproduce keeps about you, download it or delete it.',
    dataButton: 'See what Coproduce keeps about me',
    downloadButton: 'Download my data as a file',
    backButton: 'Back to my choices',
    notWorkingTitle: 'This link does not work',
    notWorking: 'This link does not work. It may have been replaced by a newer one.',
    notWorkingHelp: 'You can get a new link from the consent card in Teams, or ask the organiser.',
    tooManyTitle: 'Please wait a moment',
    tooMany: 'There have been too many requests from your connection. Please wait a minute and try again.',
    tooLargeTitle: 'That was too much to send',
    tooLarge: 'The form sent too much. Please go back and try again.',
    // {count} is a number.
    answers: 'Answers when we checked what we heard: {count}',
    purposeAnswer: 'Your answer to "Did we do what we came for?"',
    // {date} is a date in words.
    seen: 'We saw that you were there (first seen {date}).',
    consentNone: 'No consent choices saved.',
    namedAs: 'The name we keep:',
    downloadGoneTitle: 'This download link does not work',
    // {minutes} is a number.
    downloadGone: 'Each download link works once, for {minutes} minutes. Type my data in your private chat with Coproduce to get a new one.',
    codeLabel: 'Your personal code',
    codeHint: 'If someone gave you a code instead of a link, type it here.',
    codeButton: 'Open my choices',
    erasedTitle: 'Your data has been deleted',
    errorTitle: 'Something went wrong',
    error: 'Something went wrong on our side. Nothing was changed. Please try again later.',
  },
  /** The organisers' consent record (a spreadsheet file). */
  record: {
    columns: ['Person', 'Choice', 'What happened', 'How', 'Recorded by a facilitator', 'Wording', 'Wording version', 'Time (Greenwich Mean Time)'],
    kinds: { agree: 'Agreed', decline: 'Said not now', withdraw: 'Withdrew' },
    methods: {
      card: 'Consent card',
      personalChat: 'Private chat with Coproduce',
      link: 'Personal link',
      verbal: 'Said out loud',
      phone: 'By phone',
      paper: 'On paper',
      inRoom: 'In the room',
    },
    yes: 'Yes',
    no: 'No',
    erased: '(erased)',
    noName: '(name not known)',
    // {head} is a long code; {sealed} and {unsealed} are numbers.
    summary: 'Consent record. Chain head: {head}. {verdict} Events sealed: {sealed}. Events not yet sealed: {unsealed}.',
    noHead: 'none yet',
    verified: 'Checked: nothing has been changed.',
    notVerified: 'Checked: a problem was found. Something has been changed.',
  },
  youSaid: 'You said:',
  missedLabel: 'What you said we missed:',
  reasonLabel: 'Why:',
  levels: { agree: 'Agree', partly: 'Partly agree', disagree: 'Disagree' },
  verdicts: { yes: 'Yes', partly: 'Partly', no: 'No' },
} as const;

/** What the download file says about itself. */
export const exportWords = { about: myDataStrings.download.about, notHeld: cannotReach };

/** Fills `{name}` placeholders with numbers, dates or our own words. */
export function fillIn(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
