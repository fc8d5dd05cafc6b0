/**
 * The outcome of a decision that can be refused for reasons a person should read. Expected
 * refusals are values, not throws, so callers show `problems` (plain English) and carry on.
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly string[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function refused<T = never>(...problems: readonly string[]): Result<T> {
  return { ok: false, problems };
}
