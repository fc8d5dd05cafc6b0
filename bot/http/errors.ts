/**
 * Turns every restify error into a short plain answer. restify would otherwise send the
 * underlying message (a JSON parser's complaint, an exception's text) to the caller.
 */
import type { Request, Response, Server } from 'restify';

export interface ErrorBody {
  readonly code: string;
  readonly message: string;
}

export function errorBody(code: string, message: string): ErrorBody {
  return { code, message };
}

const PLAIN: Readonly<Record<number, ErrorBody>> = {
  400: errorBody('BadRequest', 'The request could not be read. Send a JSON body.'),
  401: errorBody('Unauthorized', 'Sign-in is needed for this request.'),
  403: errorBody('Forbidden', 'This request is not allowed.'),
  404: errorBody('NotFound', 'There is nothing here.'),
  405: errorBody('MethodNotAllowed', 'That method is not allowed here.'),
  413: errorBody('PayloadTooLarge', 'The request is too large. The limit is 256 KB.'),
  415: errorBody('UnsupportedMediaType', 'Send the request as JSON.'),
  429: errorBody('TooManyRequests', 'Too many requests. Please wait a moment and try again.'),
};
const SERVER_ERROR = errorBody('ServerError', 'Something went wrong on our side. Please try again.');

interface RestifyLikeError extends Error {
  statusCode?: number;
  toJSON?: () => unknown;
  toString: () => string;
  body?: unknown;
}

export function plainErrors(server: Server): void {
  server.on('restifyError', (_req: Request, _res: Response, err: RestifyLikeError, callback: () => void) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    const body = PLAIN[status] ?? SERVER_ERROR;
    if (status >= 500) err.statusCode = 500;
    err.toJSON = () => body;
    err.toString = () => body.message;
    err.body = body;
    callback();
  });
}
