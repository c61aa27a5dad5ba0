// Errors as data: a code and its details; entry points turn them into Chinese messages.

type ErrorCode =
  | 'HEADER_MISMATCH'
  | 'TAB_MISSING'
  | 'LOCK_BUSY'
  | 'NOT_PERMITTED'
  | 'NOT_FOUND'
  | 'DUPLICATE'
  | 'INVALID'
  | 'CONFIG_INVALID'
  | 'NOT_DISTRICT_TAB'
  | 'NO_SELECTION';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Already-Chinese message: what the user reads at the entry point. */
    readonly userMessage: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${code}: ${userMessage}`);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
