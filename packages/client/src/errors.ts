// The errors the client throws. Each is a distinct class so callers can branch with `instanceof`, and
// none ever holds a credential: they are built from the response and the parameter name only.

/** Base class of every error this package throws. */
export class SmsError extends Error {
  override name = 'SmsError';
}

/** A value the client refused before sending anything: nothing went over the network. */
export class SmsValidationError extends SmsError {
  override name = 'SmsValidationError';
  constructor(
    /** The option or query parameter at fault, such as `limit` or `region`. */
    readonly parameter: string,
    /** What the value must be, such as `an integer from 0 to 100`. */
    readonly expected: string,
    message = `${parameter} must be ${expected}`,
  ) {
    super(message);
  }
}

/** The body of an SMS or API gateway error, as far as it could be read. */
export interface SmsErrorBody {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
  [key: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(body: unknown, key: string): string | undefined {
  return isRecord(body) && typeof body[key] === 'string' ? body[key] : undefined;
}

/** The service (or its gateway) answered with a non-2xx status. */
export class SmsApiError extends SmsError {
  override name = 'SmsApiError';
  /** HTTP status, such as 403. */
  readonly status: number;
  /** `error_code` of the body, such as `SMS.9004` or `APIGW.0301`. */
  readonly errorCode: string | undefined;
  /** `error_msg` of the body. */
  readonly errorMsg: string | undefined;
  /** The parsed body (JSON when it was JSON, else the text). */
  readonly body: unknown;
  /** The `X-Request-Id` response header, or the body's `request_id`: quote it to Huawei support. */
  readonly requestId: string | undefined;

  constructor(status: number, body: unknown, requestId: string | undefined) {
    const errorCode = stringField(body, 'error_code');
    const errorMsg = stringField(body, 'error_msg');
    const id = requestId ?? stringField(body, 'request_id');
    super(
      `SMS API answered ${status}` +
        (errorCode ? ` ${errorCode}` : '') +
        (errorMsg ? `: ${errorMsg}` : '') +
        (id ? ` (request id ${id})` : ''),
    );
    this.status = status;
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.body = body;
    this.requestId = id;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      errorCode: this.errorCode,
      errorMsg: this.errorMsg,
      requestId: this.requestId,
      body: this.body,
    };
  }
}
