/** The notes, wrap-up (next steps, follow-up date, see what you gave today) and plain-English warnings. (Being built.) */
import type { Capability } from './capability';

export const wrapUpCapability: Capability = {};
