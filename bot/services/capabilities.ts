/** Every area of the product, in the order they hear meeting events. */
import type { Capability } from './capability';
import { setupCapability } from './setup';
import { purposeCapability } from './purpose';
import { liveFrameworkCapability } from './liveFramework';
import { senseCheckingCapability } from './senseChecking';
import { voicesCapability } from './voices';
import { wrapUpCapability } from './wrapUp';
import { helpCapability } from './help';
import { consentCapability } from './consent';
import { myDataCapability } from './myData';
import { followUpCapability } from './followUp';

export const CAPABILITIES: readonly Capability[] = [
  helpCapability,
  setupCapability,
  purposeCapability,
  liveFrameworkCapability,
  senseCheckingCapability,
  voicesCapability,
  wrapUpCapability,
  consentCapability,
  myDataCapability,
  followUpCapability,
];
