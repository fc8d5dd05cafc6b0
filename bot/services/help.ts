/** Help, anywhere, for anyone. */
import { helpCard } from '../cards/helpCard';
import type { Capability } from './capability';

export const helpCapability: Capability = {
  commands: { help: { withoutSession: async () => ({ card: helpCard({ unknownCommand: false }) }) } },
  verbs: { 'help.show': { withoutSession: async () => ({ kind: 'card', card: helpCard({ unknownCommand: false }) }) } },
};
