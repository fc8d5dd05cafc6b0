// /healthz on Azure Table Storage (App Service's health check path): "ok" while the tables answer,
// 503 "degraded" once the storage service is gone, so the platform takes the instance out of
// rotation instead of sending it turns it cannot save.
import { startApp, type RunningApp } from '../support/appHarness';
import { startAzurite, type Azurite } from '../support/azurite';

let azurite: Azurite;
let running: RunningApp;

beforeAll(async () => {
  azurite = await startAzurite();
  running = await startApp({ STORAGE: 'azure-tables', AZURE_TABLES_CONNECTION_STRING: azurite.connectionString });
}, 70_000);

afterAll(async () => {
  await running?.stop();
  await azurite?.stop();
});

test('healthz is ok while Azure Tables answers and degraded once it stops answering', async () => {
  const healthy = await fetch(`${running.url}/healthz`);
  expect(healthy.status).toBe(200);
  expect(await healthy.json()).toMatchObject({ status: 'ok', storage: 'ok' });

  await azurite.stop();

  const degraded = await fetch(`${running.url}/healthz`);
  expect(degraded.status).toBe(503);
  expect(await degraded.json()).toMatchObject({ status: 'degraded', storage: 'unreachable' });
});
