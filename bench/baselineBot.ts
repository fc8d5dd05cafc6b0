/**
 * The yardstick: a bare botbuilder bot on restify that answers the same `adaptiveCard/action`
 * invoke inline with a constant card, with the same auth setting as our local mode (none). Our
 * app is measured against it in the same run, so the ratio holds on a shared, noisy machine.
 */
import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type AdaptiveCardInvokeResponse } from 'botbuilder';

const CONSTANT_CARD = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Thank you. Your answer is saved.', wrap: true }],
};

class ConstantBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: CONSTANT_CARD };
  }
}

export async function startBaselineBot(): Promise<{ url: string; stop: () => Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ConstantBot();
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
