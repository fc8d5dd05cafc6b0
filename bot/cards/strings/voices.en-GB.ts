/**
 * Words for the voices cards and replies: unsaid notes, "I need a pause", attendance and quiet
 * voices, in plain British English. The unsaid and pause wording people see on the public card
 * lives in strings.en-GB.ts (`unsaid`, `pause`); this file adds the rest. No markdown links, web
 * addresses or `{{…}}` here: these strings go into markdown TextBlocks. `{count}`-style holes are
 * filled with numbers only, never with names.
 */
export const voicesStrings = {
  invite: {
    writeButton: 'Write something',
    howItWorks: 'Press the button to write. Only you will see the box you write in.',
  },
  unsaid: {
    empty: 'Please write something before you send it. Nothing was sent.',
    // {max} is a number.
    tooLong: 'That is too long to send. Please keep it to {max} characters or fewer. Nothing was sent.',
  },
  report: {
    title: 'From the session, without names',
    onlyYou: 'Only facilitators get this. Nobody is named, and notes are shown in a mixed order.',
    pauseOne: 'Someone has asked for a pause.',
    pauseMany: '{count} requests for a pause have come in.',
    pauseHint: 'Think about taking a short break soon.',
    notesOne: 'There is 1 new note without a name:',
    notesMany: 'There are {count} new notes without names:',
    notesMore: 'More notes follow in the next message.',
    worried: 'If a note makes you worried about someone, follow your safeguarding process.',
    soFar: 'So far in this session: {notes} notes and {pauses} requests for a pause.',
    quietButton: 'See who has not had a say',
  },
  quiet: {
    title: 'Who has not had a say yet',
    onlyYou: 'Only facilitators can see this.',
    basisCards: 'Coproduce counts answers to cards. Facilitators are not listed.',
    basisCardsAndChat: 'Coproduce counts answers to cards and messages in the chat. It never reads the messages. Facilitators are not listed.',
    // {present} and {hadSay} are numbers.
    summary: '{present} people are here. {hadSay} of them have had a say.',
    nobodyKnown: 'Coproduce does not know who is here yet. People show up here when they join, press a button on a card or when you mark them as here.',
    everyoneSpoke: 'Everyone Coproduce knows is here has had a say.',
    quietHeading: 'Not had a say yet',
    unnamedOne: '1 more person has joined, but Coproduce does not know their name yet.',
    unnamedMany: '{count} more people have joined, but Coproduce does not know their names yet.',
    // {count} is a number.
    moreNames: 'And {count} more.',
    leftHeading: 'Gone',
    markLeft: 'Has left',
    markHere: 'Is here',
    phoneHint: 'Is someone taking part by phone or from the room? Type @Coproduce here and their name.',
    anonymous: 'Notes without names so far: {notes}. Requests for a pause so far: {pauses}.',
    readNotes: 'Read the notes',
    refresh: 'Refresh',
  },
  notes: {
    title: 'Notes without names',
    intro: 'These are in a mixed order, with no names and no times. A new note shows here a few minutes after it is sent.',
    none: 'There are no notes yet.',
    // {shown} and {count} are numbers.
    showing: 'Showing {shown} of {count} notes.',
    worried: 'If a note makes you worried about someone, follow your safeguarding process.',
    onlyInPersonal:
      'Notes are only shown in your 1:1 chat with Coproduce, in case your screen is shared. Open that chat and press Read the notes there.',
  },
  replies: {
    sentPrivately: 'I have sent this to the facilitators privately.',
    cannotSendPrivately:
      'I could not send this privately, because Coproduce cannot reach a facilitator in a 1:1 chat yet. Open Coproduce from the Apps list, say hello to it, then ask again.',
    hereHelp: 'Type the person\'s name after here. For example: @Coproduce here Sam on the phone',
    // {max} is a number.
    hereTooLong: 'That name is too long. Please use {max} characters or fewer.',
    hereDone: 'Thank you. I have marked them as here.',
    markGone: 'Coproduce cannot find that person in this session. Press Refresh to see the latest list.',
  },
} as const;

/** Fills `{name}` holes with numbers. */
export function withNumbers(template: string, values: Readonly<Record<string, number>>): string {
  return template.replace(/\{(\w+)\}/g, (hole, key: string) => (key in values ? String(values[key]) : hole));
}
