// Errors that cross the contract. Every transport carries them as { code, message } so the
// renderer and the CLI show the same words whichever process produced them.

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unsupported_format',
  'unreadable_file',
  'quote_not_found',
  'quote_ambiguous',
  'library_too_new',
  'library_mismatch',
  'unknown_method',
  /** The caller cancelled a long call (jobs.cancel) before it wrote anything. */
  'cancelled',
  'internal'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

export class AssayError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AssayError';
    this.code = code;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }

  static fromPayload(payload: ErrorPayload): AssayError {
    return new AssayError(payload.code, payload.message);
  }
}

/** What a transport returns: never a thrown error, because IPC and HTTP both lose error classes. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ErrorPayload };
