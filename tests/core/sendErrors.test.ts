import { classifyFailure, decideAfterFailure, type SendFailure } from '../../bot/core/sendErrors';

const now = new Date('2025-03-01T10:00:00.000Z');
const context = { attempts: 1, maxAttempts: 8, now, random: () => 0.5 };
const send = (status: number | undefined, extra: Partial<SendFailure> = {}): SendFailure => ({ kind: 'send', status, ...extra });

describe('what happens after Teams refuses a message', () => {
  test.each<[string, SendFailure, string, string, number | undefined]>([
    // label, failure, action, reason, ms until the retry
    ['429 with Retry-After: 2 waits at least 2 s', send(429, { retryAfter: '2' }), 'retry', 'throttled', 2_250],
    ['429 with a Retry-After date waits until then', send(429, { retryAfter: 'Sat, 01 Mar 2025 10:00:05 GMT' }), 'retry', 'throttled', 5_250],
    ['429 without Retry-After backs off', send(429), 'retry', 'throttled', 750],
    ['412 (concurrent operations) is retried', send(412, { code: 'PreconditionFailed' }), 'retry', 'concurrentOperation', 750],
    ['502 is retried', send(502), 'retry', 'gatewayError', 750],
    ['503 honours its Retry-After', send(503, { retryAfter: '10' }), 'retry', 'serviceUnavailable', 10_250],
    ['504 is retried', send(504), 'retry', 'gatewayError', 750],
    ['no response at all is retried', send(undefined), 'retry', 'network', 750],
    ['500 is not retried again: botbuilder already tried four times', send(500, { code: 'ServiceError' }), 'giveUp', 'serverErrorAfterSdkRetries', undefined],
    ['403 BotNotInConversationRoster stops sends to the chat', send(403, { code: 'BotNotInConversationRoster' }), 'markInactive', 'botNotInConversation', undefined],
    ['403 ConversationBlockedByUser stops sends to the chat', send(403, { code: 'ConversationBlockedByUser' }), 'markInactive', 'blockedByUser', undefined],
    ['403 with subCode MessageWritesBlocked stops sends to the chat', send(403, { code: 'Forbidden', subCode: 'MessageWritesBlocked' }), 'markInactive', 'writesBlocked', undefined],
    ['403 BotDisabledByAdmin stops sends to the chat', send(403, { code: 'BotDisabledByAdmin' }), 'markInactive', 'botDisabledByAdmin', undefined],
    ['codes are compared without case', send(403, { code: 'botnotinconversationroster' }), 'markInactive', 'botNotInConversation', undefined],
    ['another 403 drops only the message', send(403, { code: 'NotEnoughPermissions' }), 'giveUp', 'forbidden', undefined],
    ['404 ConversationNotFound forgets the conversation', send(404, { code: 'ConversationNotFound' }), 'forget', 'conversationNotFound', undefined],
    ['404 ActivityNotFoundInConversation on an edit drops the edit only', { kind: 'update', status: 404, code: 'ActivityNotFoundInConversation' }, 'giveUp', 'editTargetMissing', undefined],
    ['404 without a known code drops the message', send(404), 'giveUp', 'notFound', undefined],
    ['400 is not retried', send(400, { code: 'BadArgument' }), 'giveUp', 'badRequest', undefined],
    ['401 is not retried', send(401, { code: 'BotNotRegistered' }), 'giveUp', 'notAuthorised', undefined],
    ['413 is not retried', send(413, { code: 'MessageSizeTooBig' }), 'giveUp', 'tooLarge', undefined],
    ['another 4xx is not retried', send(422), 'giveUp', 'rejected', undefined],
    ['501 is not retried', send(501), 'giveUp', 'serverError', undefined],
  ])('%s', (_label, failure, action, reason, delayMs) => {
    const verdict = decideAfterFailure(failure, context);
    expect(verdict.action).toBe(action);
    expect(verdict.reason).toBe(reason);
    if (verdict.action === 'retry') expect(verdict.retryAt.getTime() - now.getTime()).toBe(delayMs);
    else expect(delayMs).toBeUndefined();
  });

  test('waits grow with each failed attempt', () => {
    const delays = [1, 2, 3, 4].map((attempts) => {
      const verdict = decideAfterFailure(send(412), { ...context, attempts });
      return verdict.action === 'retry' ? verdict.retryAt.getTime() - now.getTime() : -1;
    });
    expect(delays).toEqual([750, 1_500, 3_000, 6_000]);
  });

  test('retrying stops after the last allowed attempt', () => {
    expect(decideAfterFailure(send(429), { ...context, attempts: 7 }).action).toBe('retry');
    expect(decideAfterFailure(send(429), { ...context, attempts: 8 })).toEqual({ action: 'giveUp', reason: 'retriesExhausted' });
  });

  test('a failure that is not retried is never turned into a retry by the attempt count', () => {
    expect(classifyFailure(send(403, { code: 'BotNotInConversationRoster' }))).toEqual({ action: 'markInactive', reason: 'botNotInConversation' });
    expect(decideAfterFailure(send(500), { ...context, attempts: 0 }).action).toBe('giveUp');
  });
});
