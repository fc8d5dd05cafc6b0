/** Session setup (being built by the lead). */
import type { Capability } from './capability';

export const setupCapability: Capability = {};
