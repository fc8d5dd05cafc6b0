/** The framework: agenda editing, live controls (next, back, extend, pause, resume, end early), recap, breaks and their reminder jobs. (Being built.) */
import type { Capability } from './capability';

export const liveFrameworkCapability: Capability = {};
