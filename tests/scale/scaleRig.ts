/**
 * The parts the multi-instance tests start together: Azurite, the fake Bot Connector, a relay
 * (in front of storage, to slow or cut it, or in front of the connector), the test's own store
 * client and two server processes. Not a test file.
 */
import type { Store } from '../../bot/core/ports';
import { openAzureTablesStore } from '../../bot/storage/azureTablesStore';
import { startAzurite, type Azurite } from '../support/azurite';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { startInstances, type Instances } from '../support/instances';
import { startRelay, throughRelay, type Relay } from './relay';

export interface ScaleRig {
  readonly azurite: Azurite;
  readonly fake: FakeConnector;
  readonly relay: Relay;
  readonly store: Store;
  readonly instances: Instances;
}

/** `relayTo`: what the relay stands in front of — the instances' storage, or the connector. */
export async function startScaleRig(relayTo: 'storage' | 'connector'): Promise<ScaleRig> {
  const [azurite, fake] = await Promise.all([startAzurite(), startFakeConnector()]);
  const relay = await startRelay(relayTo === 'storage' ? azurite.endpoint : fake.url);
  const store = openAzureTablesStore({ connectionString: azurite.connectionString });
  const connectionString = relayTo === 'storage' ? throughRelay(azurite.connectionString, relay) : azurite.connectionString;
  const instances = await startInstances({ connectionString });
  return { azurite, fake, relay, store, instances };
}

/** Stops whatever of the rig was started (a failed start leaves some parts undefined). */
export async function stopScaleRig(rig: Partial<ScaleRig>): Promise<void> {
  await rig.instances?.stop();
  await rig.store?.close();
  await Promise.all([rig.relay?.close(), rig.azurite?.stop(), rig.fake?.close()]);
}
