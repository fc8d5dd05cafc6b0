/** The voices: unsaid notes, pause requests, attendance and quiet voices. (Being built.) */
import type { Capability } from './capability';

export const voicesCapability: Capability = {};
