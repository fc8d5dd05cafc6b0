/** Help, anywhere, for anyone. */
import { helpCard } from '../cards/helpCard';
import type { Capability } from './capability';

export const helpCapability: Capability = {
  commands: { help: { withoutSession: true, run: async () => ({ card: helpCard({ unknownCommand: false }) }) } },
  verbs: { 'help.show': { withoutSession: true, run: async () => ({ kind: 'card', card: helpCard({ unknownCommand: false }) }) } },
};
