// Local meeting simulator: `npm run meeting -- start | join <user> | leave <user> | end`.
// Posts Teams meeting events with a fixed meeting id into the Agents Playground's group chat
// (which stands in for the meeting chat), through the Playground's custom-activity API.
const path = require('node:path');
const { DEFAULT_PORT, root } = require('./playground.js');

const LOCAL_MEETING_ID = 'local-meeting-1';
const EVENTS = {
  start: 'application/vnd.microsoft.meetingStart',
  end: 'application/vnd.microsoft.meetingEnd',
  join: 'application/vnd.microsoft.meetingParticipantJoin',
  leave: 'application/vnd.microsoft.meetingParticipantLeave',
};

/** Meeting roles live beside the Playground config (it has no place for them). */
function roleOf(userId) {
  const roles = require(path.join(root, 'local', 'meetingRoles.json'));
  return roles.meetings[LOCAL_MEETING_ID]?.participants?.[userId]?.role ?? 'Attendee';
}

function usage() {
  return 'Usage: npm run meeting -- start | join <user> | leave <user> | end\n<user> is a name or id from .m365agentsplayground.yml.';
}

async function readPlaygroundConfig(base) {
  const response = await fetch(`${base}/_internal/v1/testConfig`).catch(() => undefined);
  if (!response || !response.ok) throw new Error(`The Agents Playground is not running at ${base}. Start it with: npm start`);
  return (await response.json()).config;
}

function findUser(config, who) {
  const wanted = String(who ?? '').toLowerCase();
  const users = [config.currentUser, ...(config.users ?? [])].filter(Boolean);
  return users.find((u) => u.id.toLowerCase() === wanted || (u.name ?? '').toLowerCase().includes(wanted));
}

/** Builds the activity as Teams sends it (PascalCase start/end values, as in Microsoft's docs). */
function meetingActivity(kind, config, user, playgroundUrl, now = new Date()) {
  const chat = config.groupChats?.[0] ?? config.groupChat;
  const common = {
    type: 'event',
    name: EVENTS[kind],
    channelId: 'msteams',
    // The Playground forwards custom activities as they are, so they name its connector themselves.
    serviceUrl: `${playgroundUrl}/_connector`,
    recipient: { id: config.bot.id, name: config.bot.name },
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { id: chat.id, conversationType: 'groupChat', isGroup: true, tenantId: config.tenantId },
    channelData: { tenant: { id: config.tenantId }, meeting: { id: LOCAL_MEETING_ID } },
  };
  if (kind === 'start') {
    return { ...common, value: { Id: LOCAL_MEETING_ID, Title: 'Local co-production session', MeetingType: 'Scheduled', JoinUrl: 'https://teams.invalid/local', StartTime: now.toISOString() } };
  }
  if (kind === 'end') {
    return { ...common, value: { Id: LOCAL_MEETING_ID, Title: 'Local co-production session', MeetingType: 'Scheduled', JoinUrl: 'https://teams.invalid/local', EndTime: now.toISOString() } };
  }
  return { ...common, value: { members: [{ user: { id: user.id, name: user.name, aadObjectId: user.aadObjectId }, meeting: { inMeeting: kind === 'join', role: roleOf(user.id) } }] } };
}

async function sendMeetingEvent(kind, { base = `http://127.0.0.1:${DEFAULT_PORT}`, who } = {}) {
  if (!EVENTS[kind]) throw new Error(usage());
  const config = await readPlaygroundConfig(base);
  const user = kind === 'join' || kind === 'leave' ? findUser(config, who) : config.currentUser;
  if (!user) throw new Error(`No user matches "${who ?? ''}".\n${usage()}`);
  const response = await fetch(`${base}/_internal/v1/customActivities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(meetingActivity(kind, config, user, base)),
  });
  if (!response.ok) throw new Error(`The Playground refused the event (HTTP ${response.status}).`);
  return { kind, meetingId: LOCAL_MEETING_ID };
}

module.exports = { sendMeetingEvent, meetingActivity, LOCAL_MEETING_ID };

if (require.main === module) {
  const [kind, who] = process.argv.slice(2);
  const port = process.env.PLAYGROUND_PORT;
  sendMeetingEvent(kind, { who, ...(port ? { base: `http://127.0.0.1:${port}` } : {}) })
    .then(({ kind: sent }) => console.log(`Sent meeting ${sent} for ${LOCAL_MEETING_ID}.`))
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
