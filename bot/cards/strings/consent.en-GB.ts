/**
 * Words for consent: the standing card (standard and easy read), each person's own answer, the
 * facilitators' private view and the printable sheet, in plain British English. The wording people
 * are asked with is hashed exactly as shown, so changing a word here is a new version of it.
 * No markdown links, web addresses or `{{…}}`: these go into markdown TextBlocks. `{…}` holes are
 * filled with numbers or our own words only; names always go in plain text runs.
 */
const standard = {
  title: 'Recording and notes: you choose',
  intro: ['Before we record this meeting or write about what people say, we ask each person. Your answers are for this session only.'],
  sections: [
    {
      heading: 'What we might capture',
      lines: [
        'A recording of the meeting, with video and sound.',
        'A written transcript of what people say.',
        'A short summary of the meeting, written by AI (a computer program) from the transcript.',
        'Notes and a summary that might use your name or your words.',
      ],
    },
    {
      heading: 'Who will see it',
      lines: ['The facilitators and the organiser of this session. If the notes or the summary are shared more widely, your choices below say whether they can name you or quote you.'],
    },
    {
      heading: 'How long we keep it',
      lines: ['Until the organiser deletes the session record. We also keep a record of what you chose, so we can show that we asked.'],
    },
    {
      heading: 'Saying no is fine',
      lines: ['Every choice starts as "Not now". Saying "Not now" changes nothing about taking part. You can still listen, speak and answer everything else.'],
    },
    {
      heading: 'Changing your mind',
      lines: [
        'You can change your answers at any time, during or after the meeting.',
        'During the meeting, come back to this card and save again.',
        'After the meeting, type consent in your 1:1 chat with Coproduce.',
        'Or use the personal code we give you when you say yes to anything.',
      ],
    },
  ],
  contactHeading: 'Questions or worries? Contact:',
  noContact: 'Questions or worries? Ask one of the facilitators.',
  cannotStop: ['Coproduce cannot stop a recording itself. If anyone says "Not now" to recording, the facilitator will not record, or will stop the recording.'],
  choicesHeading: 'Your choices',
  scopes: {
    recording: 'Recording the meeting (video and sound)',
    transcript: 'A written transcript of what is said',
    aiSummary: 'A summary written by AI from the transcript',
    named: 'Using your name in the notes and the summary',
    quoted: 'Quoting your words in the notes and the summary',
  },
  yes: 'Yes',
  notNow: 'Not now',
  save: 'Save my choices',
  declineAll: 'Not now to everything',
};

const easyRead = {
  title: 'Can we record? You choose.',
  intro: ['We ask each person.'],
  sections: [
    {
      heading: 'What we want to do',
      lines: [
        'Record the meeting.',
        'Write down what people say.',
        'Use a computer to write a short summary.',
        'This is called AI.',
        'Use your name or your words in our notes.',
      ],
    },
    { heading: 'Who sees it', lines: ['The people running this meeting.'] },
    { heading: 'How long we keep it', lines: ['Until the organiser deletes it.'] },
    { heading: 'Saying no', lines: ['You can say yes.', 'You can say not now.', 'Not now is fine.', 'You can still take part.'] },
    {
      heading: 'Changing your mind',
      lines: ['You can change your mind at any time.', 'You can do it after the meeting too.'],
    },
  ],
  contactHeading: 'Questions? Ask:',
  noContact: 'Questions? Ask a facilitator.',
  cannotStop: ['The app cannot stop a recording.', 'The facilitator will stop it.'],
  choicesHeading: 'Your choices',
  scopes: {
    recording: 'Record the meeting?',
    transcript: 'Write down every word?',
    aiSummary: 'Use AI to make a summary?',
    named: 'Use your name in the notes?',
    quoted: 'Use your words in the notes?',
  },
  yes: 'Yes',
  notNow: 'Not now',
  save: 'Save',
  declineAll: 'Not now to everything',
};

export const consentStrings = {
  wording: { standard, easyRead },
  card: {
    easyReadButton: 'Easy read',
    checkButton: 'For facilitators: check consent',
    // {answered} and {expected} are numbers.
    answeredOf: '{answered} of {expected} have answered',
    answeredOne: '1 person has answered',
    answeredMany: '{answered} people have answered',
    nobodyYet: 'Nobody has answered yet.',
    onlyYouAnswer: 'Only you see your own answers.',
  },
  answer: {
    title: 'Your choices',
    onlyYou: 'Only you can see this.',
    saved: 'Your choices are saved.',
    unchanged: 'Your choices are the same as before, so nothing changed.',
    recordedForYou: 'Some of these answers were recorded for you by a facilitator.',
    changeMind: 'You can change your mind at any time. Change your choices below and save, or type consent in your 1:1 chat with Coproduce.',
    codeIntro: 'Your personal code. Keep it private: with it you can change your choices after the meeting, without Teams.',
    linkIntro: 'Or open this page:',
    openLink: 'Open my page',
    newCode: 'This code replaces any code we gave you before.',
    noIdentity: 'Coproduce could not tell who you are, so nothing was saved. Please tell a facilitator your choices. They can record them for you.',
    badChoice: 'One of the choices was not recognised. Please choose Yes or Not now for each one.',
    notHere: 'This card belongs to a session you have not answered in, so nothing was changed.',
  },
  command: {
    posted: 'The consent card is in the chat now.',
    alreadyPosted: 'The consent card is already in the chat. Scroll up to find it.',
    pointer: 'The consent card is in the chat above. Only you see your own answers.',
    notPostedYet: 'The consent card is not in the chat yet. A facilitator can post it.',
    detailsSent: 'I have sent the consent details to you privately.',
    noSession: 'There is no session set up in this chat yet, so there is nothing to agree to.',
  },
  personal: {
    title: 'Your consent choices',
    intro: 'Choose a session to see or change what you agreed to.',
    none: 'You have not answered about consent in any session yet. When you do, you can come back here to change your mind.',
    openButton: 'See or change my choices',
    sessionOn: 'Session on',
    more: 'Showing your newest sessions only.',
  },
  welcome: 'If you have just joined: the consent card is above. You can answer it at any time.',
  facilitators: {
    title: 'Consent: for facilitators only',
    onlyYou: 'Only facilitators get this.',
    clear: 'Clear to record. Everyone we know of has said yes to recording, and a facilitator has confirmed that everyone here was asked.',
    // {count} is a number.
    notClearOne: 'Not clear to record: 1 person we cannot see or who has not answered.',
    notClearMany: 'Not clear to record: {count} people we cannot see or who have not answered.',
    notClear: 'Not clear to record yet.',
    saidNoCount: 'People who said not now to recording: {count}.',
    needsConfirmation: 'No facilitator has confirmed yet that everyone here, including people on the phone or in the room, has been asked.',
    notAnsweredHeading: 'Not answered yet',
    unnamed: 'People whose names we do not know: {count}.',
    someone: 'Someone whose name we do not know',
    // {count} is a number.
    andMore: 'And {count} more.',
    saidNoHeading: 'Said not now',
    nobodyNotNow: 'Nobody has said not now.',
    everyoneAnswered: 'Everyone we know of has answered.',
    recordedBy: 'recorded by a facilitator',
    confirmButton: 'Everyone here has been asked',
    recordButton: 'Record an answer for someone',
    refreshButton: 'Check again',
    confirmed: 'Thank you. Your confirmation is saved.',
    alreadyConfirmed: 'This was already confirmed for everyone here, so nothing changed.',
    notetaker: 'Someone has said not now to recording. Think about using a notetaker instead, and only note what people agreed to.',
    withdrawnTitle: 'Someone has changed their mind',
    withdrawnScopes: 'They no longer agree to:',
    withdrawnAction: 'If you are recording, stop now or leave them out. Check what is in the notes too.',
    checkButton: 'See who has answered',
  },
  record: {
    title: 'Record consent for someone',
    onlyYou: 'Only you can see this form.',
    explain: 'Use this when someone answered out loud, by phone, on paper or in the room.',
    pickLabel: 'Someone Coproduce has seen in this session',
    pickPlaceholder: 'Choose a person',
    nameLabel: 'Or type their name',
    methodLabel: 'How did they answer?',
    wordingLabel: 'What were they shown or read?',
    wordingChoices: { standard: 'The consent card', easyRead: 'The easy-read version or the paper sheet' },
    methods: { verbal: 'Out loud', phone: 'By phone', paper: 'On paper', inRoom: 'In the room' },
    save: 'Save their answers',
    another: 'Record someone else',
    savedTitle: 'Saved',
    savedFor: 'Answers recorded for: ',
    unchanged: 'Their answers are the same as before, so nothing changed.',
    marked: 'These answers are marked as recorded by a facilitator, with how they answered.',
    noPerson: 'Choose a person or type their name.',
    unknownPerson: 'That person could not be found in this session. Please choose them again.',
    noMethod: 'Choose how they answered.',
    // {max} is a number.
    nameTooLong: 'The name is too long. Please keep it to {max} characters or fewer.',
  },
  sheet: {
    title: 'Recording and notes: you choose',
    forPaper: 'Easy read. For people taking part on paper or in the room.',
    tick: 'Tick one box for each question.',
    name: 'Your name:',
    date: 'Date:',
    facilitatorNote: 'Facilitator: record these answers in Coproduce as "On paper".',
    session: 'Session:',
  },
} as const;

export type ConsentStrings = typeof consentStrings;

/** Fills `{name}` holes with numbers or our own words. */
export function fillConsent(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (hole, key: string) => (key in values ? String(values[key]) : hole));
}
