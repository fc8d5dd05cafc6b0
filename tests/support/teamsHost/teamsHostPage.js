/* global window, document */
// The test host page's script: it plays Teams for the tab in its iframe, answering the
// @microsoft/teams-js messages the way the Teams web client does (initialise, context, frame
// context, theme and theme changes, SSO token, the sign-in window, sharing to the stage).
// window.__hostConfig is set by the page before this runs; the test reads window.__hostCalls.
(function teamsHost() {
  const config = window.__hostConfig;
  const frame = document.getElementById('tab');
  const tabOrigin = new URL(config.tabUrl).origin;
  const calls = [];
  window.__hostCalls = calls;

  const runtimeConfig = JSON.stringify({
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: {
      app: {},
      appInstallDialog: {},
      authentication: {},
      dialog: { card: {}, url: {}, update: {} },
      meeting: { stage: {}, appShareButton: {} },
      pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} },
      stageView: {},
      teamsCore: {},
    },
  });

  function legacyContext() {
    return {
      locale: 'en-gb',
      theme: config.theme,
      frameContext: config.frame,
      entityId: 'coproduce-session',
      appSessionId: 'test-app-session',
      hostName: 'Teams',
      hostClientType: 'web',
      userObjectId: config.user.aadObjectId,
      userPrincipalName: config.user.upn,
      loginHint: config.user.upn,
      tid: config.tenantId,
      chatId: config.chatId,
      meetingId: config.meetingId,
    };
  }

  function reply(event, request, args) {
    event.source.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, event.origin);
  }

  function answer(event, request) {
    switch (request.func) {
      case 'initialize':
        return reply(event, request, [config.frame, 'web', runtimeConfig, '2.58.0']);
      case 'getContext':
        return reply(event, request, [legacyContext()]);
      case 'authentication.getAuthToken':
        if (config.consentNeeded) return reply(event, request, [false, 'resourceRequiresConsent']);
        if (!config.token) return reply(event, request, [false, 'User is not authenticated']);
        return reply(event, request, [true, config.token]);
      case 'authentication.authenticate':
        config.consentNeeded = false;
        return reply(event, request, [true, 'consented']);
      case 'meeting.getAppContentStageSharingCapabilities':
        return reply(event, request, [null, { doesAppHaveSharePermission: config.frame === 'sidePanel' }]);
      case 'meeting.shareAppContentToStage':
        return reply(event, request, [null, true]);
      case 'settings.setSettings':
        return reply(event, request, [true]);
      case 'settings.setValidityState':
      case 'registerHandler':
      case 'appInitialization.success':
      case 'appInitialization.appLoaded':
        return undefined; // one-way messages: nothing to answer
      default:
        // Teams answers requests it does not support with an error; say so rather than hang.
        return reply(event, request, [{ errorCode: 501, message: 'Not supported by the test host' }]);
    }
  }

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== tabOrigin) return;
    const request = event.data;
    if (!request || typeof request.func !== 'string') return;
    calls.push({ func: request.func, args: request.args });
    answer(event, request);
  });

  /** Teams tells the app when the person changes theme. */
  window.__setTheme = function setTheme(theme) {
    config.theme = theme;
    frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, tabOrigin);
  };
  /** The person presses Save on Teams' configuration page. */
  window.__pressSave = function pressSave() {
    frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, tabOrigin);
  };
  window.__setToken = function setToken(token) {
    config.token = token;
  };

  frame.src = config.tabUrl;
})();
