/**
 * The MeetingDirectory each mode uses: in local mode the committed Playground roster and roles
 * (the Playground cannot answer Teams' meeting APIs); in production Teams itself, through a
 * proactive turn on the conversation's stored reference.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { ConversationBook } from '../core/conversations';
import type { MeetingDirectory } from '../core/ports';
import { toConversationReference } from './conversationReferences';
import { LocalMeetingDirectory } from './localMeetingDirectory';
import { TeamsMeetingDirectory } from './teamsMeetingDirectory';

export function createMeetingDirectory(config: Config, adapter: CloudAdapter, book: ConversationBook): MeetingDirectory {
  if (config.mode === 'local') {
    const root = projectRoot(__dirname);
    return LocalMeetingDirectory.load({
      playgroundConfigPath: path.join(root, '.m365agentsplayground.yml'),
      meetingRolesPath: path.join(root, 'local', 'meetingRoles.json'),
    });
  }
  return new TeamsMeetingDirectory({
    withConversation: async <T>(conversationId: string, fn: (context: TurnContext) => Promise<T>) => {
      const record = await book.get(conversationId);
      if (!record || record.status !== 'active') return undefined;
      let result: T | undefined;
      await adapter.continueConversationAsync(config.bot.id, toConversationReference(record.reference), async (context) => {
        result = await fn(context);
      });
      return result;
    },
  });
}

/** The folder holding package.json, whether we run from bot/ (tests) or dist/bot/ (built). */
function projectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}
