/**
 * Runs one inbound activity through botbuilder's CloudAdapter and turns every outcome into a
 * status and a plain body. We call processActivity ourselves rather than adapter.process, which
 * answers auth failures with 500 and the library's own error text (reliability.md finding 4).
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ActivityHandler,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../core/logger';
import { isAllowedServiceUrl, type ServiceUrlPolicy } from '../core/serviceUrl';

export interface ActivityOutcome {
  readonly status: number;
  readonly body?: unknown;
}

const UNAUTHORIZED = { code: 'Unauthorized', message: 'This request is not signed by the Bot Framework.' };
const NOT_TEAMS_HOST = { code: 'Forbidden', message: 'The activity does not come from a Teams service address.' };
const MALFORMED = { code: 'BadRequest', message: 'The activity has no conversation id.' };
const SERVER_ERROR = { code: 'ServerError', message: 'Something went wrong on our side. Please try again.' };

/** CloudAdapter with its authenticated turn runner made public, so we own the HTTP answer. */
export class BotAdapter extends CloudAdapter {
  runActivity(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authorization, activity, logic);
  }
}

/** Builds the adapter from config. An empty bot id (local mode only) turns sign-in checks off. */
export function createBotAdapter(config: Pick<Config, 'bot'>): BotAdapter {
  const { id, password, tenantId, type, openIdMetadataUrl } = config.bot;
  const options: Partial<ConfigurationBotFrameworkAuthenticationOptions> = id
    ? { MicrosoftAppId: id, MicrosoftAppPassword: password, MicrosoftAppTenantId: tenantId, MicrosoftAppType: type }
    : { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' };
  if (openIdMetadataUrl) Object.assign(options, publicCloudWithMetadata(openIdMetadataUrl));
  return new BotAdapter(new ConfigurationBotFrameworkAuthentication(options as ConfigurationBotFrameworkAuthenticationOptions));
}

/**
 * botbuilder only honours a custom metadata URL when every endpoint is given ("assume all
 * parameters are intentional"), so the public-cloud values are spelled out beside it.
 */
function publicCloudWithMetadata(metadataUrl: string): Record<string, string> {
  return {
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    CallerId: 'urn:botframework:azure',
  };
}

export function createActivityEndpoint(deps: {
  readonly adapter: BotAdapter;
  readonly bot: ActivityHandler;
  readonly policy: ServiceUrlPolicy;
  readonly logger: Logger;
}): (activity: Record<string, unknown>, authorization: string) => Promise<ActivityOutcome> {
  return async (activity, authorization) => {
    if (!hasConversation(activity)) return { status: 400, body: MALFORMED };
    let turnStarted = false;
    let refusedServiceUrl = false;
    try {
      const invokeResponse = await deps.adapter.runActivity(authorization, activity as Partial<Activity> as Activity, async (context) => {
        turnStarted = true;
        if (!isAllowedServiceUrl(context.activity.serviceUrl, deps.policy)) {
          refusedServiceUrl = true;
          return;
        }
        await deps.bot.run(context);
      });
      if (refusedServiceUrl) {
        deps.logger.warn({ activityType: String(activity.type) }, 'refused an activity from a service address that is not Teams');
        return { status: 403, body: NOT_TEAMS_HOST };
      }
      if (!invokeResponse) return { status: 200 };
      // Universal Actions want HTTP 200 with the outcome in the body's statusCode; botbuilder
      // copies the body's code onto the HTTP status instead (teams-platform.md 2.2).
      const status = activity.name === 'adaptiveCard/action' ? 200 : invokeResponse.status;
      return { status, body: invokeResponse.body };
    } catch (error) {
      const name = error instanceof Error ? error.name : 'unknown';
      if (!turnStarted) {
        deps.logger.warn({ errorName: name }, 'refused an activity that failed Bot Framework sign-in');
        return { status: 401, body: UNAUTHORIZED };
      }
      deps.logger.error({ errorName: name }, 'a turn failed');
      return { status: 500, body: SERVER_ERROR };
    }
  };
}

function hasConversation(activity: Record<string, unknown>): boolean {
  const conversation = activity.conversation as { id?: unknown } | undefined;
  return typeof conversation === 'object' && conversation !== null && typeof conversation.id === 'string' && conversation.id !== '';
}
