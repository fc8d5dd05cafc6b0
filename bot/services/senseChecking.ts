/** The sense-checks: open, answer, close, answers given out loud, coalesced tallies. (Being built.) */
import type { Capability } from './capability';

export const senseCheckingCapability: Capability = {};
