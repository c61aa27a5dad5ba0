// Kernel: the emulator's error kinds (service exceptions, missing features, test-setup mistakes) and Apps Script's error wordings.

/** A service failure as Apps Script reports it; the boundary rethrows it in the script realm named `Exception`. */
export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/**
 * Something the emulator does not model: it must never agree with the code by accident.
 * `new NotImplemented('Range.setBorder(style)')` → message `NotImplemented: Range.setBorder(style)`.
 */
export class NotImplemented extends Error {
  constructor(what: string) {
    super(`NotImplemented: ${what}`);
    this.name = 'NotImplemented';
  }
}

/** A test forgot to tell the emulator something (an unanswered prompt, an unknown menu caption). */
export class EmulatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorError';
  }
}

/** Errors that must reach the test untouched, even through the script's own catch-all handlers. */
export function isEmulatorProblem(e: unknown): e is Error {
  return e instanceof Error && (e.name === 'NotImplemented' || e.name === 'EmulatorError');
}

/** One scope is named as is; alternatives as `(a || b)`, as public execution logs show for SpreadsheetApp. */
export function permissionDenied(call: string, scopes: string | readonly string[]): ServiceError {
  const list = typeof scopes === 'string' ? [scopes] : scopes;
  const named = list.length === 1 ? list[0] : `(${list.join(' || ')})`;
  return new ServiceError(`You do not have permission to call ${call}. Required permissions: ${named}`);
}

/** The wording Apps Script uses when an argument has the wrong type. */
export function signatureMismatch(call: string, args: readonly unknown[]): ServiceError {
  const types = args.map(javaTypeName).join(',');
  return new ServiceError(`The parameters (${types}) don't match the method signature for ${call}.`);
}

function javaTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) {
    const inner = v.length ? javaTypeName(v[0]) : 'Object';
    return `${inner === 'null' ? 'Object' : inner}[]`;
  }
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  return 'Object';
}
