/**
 * Words for the sense-check forms, facilitator controls and private results, in plain British
 * English. The public card's own words stay in strings.en-GB.ts under `senseCheck`.
 * `{name}` placeholders are filled with numbers or our own labels, never with anyone's text.
 * (No imports: the record form's card checks the method keys against the core's AnswerMethod.)
 */
export const senseCheckStrings = {
  start: {
    title: 'Sense check',
    howToType: 'To check one point, type @Coproduce sense check and then what you heard.',
    howToForm: 'To check up to 5 points at once, a facilitator can write them in a form.',
    openButton: 'Write the points',
  },
  typed: {
    tooLong: 'That is too long for one sense-check point. Keep it under {max} characters, or type @Coproduce sense check on its own to use the form.',
  },
  form: {
    title: 'Here is what we heard',
    onlyYou: 'Only you can see this form until you post it.',
    explain: 'Write each point the way you heard it. People will answer agree, partly or disagree to each one.',
    // {number} is 1 to 5.
    pointLabel: 'Point {number}',
    pointLabelOptional: 'Point {number} (you can leave this empty)',
    postButton: 'Post in the chat',
    noStatements: 'Write at least one point.',
    statementTooLong: 'Each point must be under {max} characters. Please make the long one shorter.',
    tooManyStatements: 'You can check up to {max} points at once.',
    posted: 'Your sense check is in the chat now.',
    alreadyPosted: 'This sense check is already in the chat.',
  },
  controls: {
    forFacilitators: 'For facilitators',
    close: 'Close and show the results',
    recordForSomeone: 'Record an answer for someone',
  },
  answer: {
    missedPrivate: 'The facilitators read what you write here. It is not shown in this chat.',
    notFound: 'Coproduce cannot find this sense check in this session, so nothing was changed.',
    badButton: 'This button is missing some details, so nothing was changed. Ask a facilitator to post the sense check again.',
    unknownPerson: 'Coproduce could not tell who you are, so your answer was not saved.',
    missedTooLong: 'What you wrote about what we missed is too long. Please keep it under {max} characters and press your answer again.',
  },
  close: {
    alreadyClosed: 'This sense check was already closed. Here are its results.',
  },
  results: {
    title: 'Sense check results',
    onlyFacilitators: 'Only facilitators get this. It is not shown in the meeting chat.',
    continued: 'Sense check results, continued (part {part} of {parts})',
    // {count} is a number.
    recordedCount: 'Answers you recorded for people: {count}',
    noAnswers: 'Nobody answered this point.',
    minorityHeading: 'Answers fewer people gave',
    minorityHint: 'Outnumbered views still count. Think about how you will include them.',
    missedHeading: 'What people said we missed',
    recordedSuffix: ' (recorded by a facilitator)',
    moreInPrivateChat: 'There is more than fits here. The rest is in your 1:1 chat with Coproduce.',
    moreNoPrivateChat: 'There is more than fits here. Open a 1:1 chat with Coproduce so it can send you the rest.',
  },
  record: {
    title: 'Record an answer for someone',
    onlyYou: 'Only you can see this form.',
    explain: 'Use this when someone answers out loud, by phone, on paper or in the room. Their answer counts in the tally and is marked as recorded by you.',
    nameLabel: 'Their name',
    nameHint: 'If two people share a name, add something to tell them apart, for example Sam B.',
    methodLabel: 'How did they answer?',
    methods: { verbal: 'Out loud', phone: 'By phone', paper: 'On paper', inRoom: 'In the room' } satisfies Record<'verbal' | 'phone' | 'paper' | 'inRoom', string>,
    // {number} is 1 to 5.
    levelLabel: 'Their answer to point {number}',
    levelLabelOne: 'Their answer',
    missedLabel: 'What did they say we missed? (optional)',
    saveButton: 'Save their answer',
    nameMissing: 'Write the name of the person who answered.',
    nameTooLong: 'The name must be under {max} characters.',
    methodMissing: 'Choose how they answered.',
    noLevel: 'Choose their answer to at least one point.',
    missedTooLong: 'What they said we missed must be under {max} characters.',
    savedTitle: 'Answer saved',
    savedFor: 'Saved the answer for: ',
    savedCounts: 'It counts in the tally, marked as recorded by a facilitator.',
    unchanged: 'This is the same answer as before, so nothing changed.',
    anotherButton: 'Record another answer',
    closed: 'This sense check is closed, so the answer was not saved.',
  },
} as const;

export type SenseCheckStrings = typeof senseCheckStrings;
