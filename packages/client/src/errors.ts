// The errors the client throws. Each is a distinct class so callers can branch with `instanceof`, and none
// ever holds a credential: they are built from parameter names and responses only, never from the request.

/** Base class of every error this package throws. */
export class SmsError extends Error {
  override name = 'SmsError';
}

/** A value the client refused before sending anything: no request was made. */
export class SmsValidationError extends SmsError {
  override name = 'SmsValidationError';
  constructor(
    /** The option, query parameter or environment variable at fault, such as `limit` or `region`. */
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
  details?: { error_code?: string; error_msg?: string }[];
  [key: string]: unknown;
}

const field = (body: unknown, key: string): string | undefined => {
  // Object() makes any body indexable: a text body or null simply has no such field.
  const value: unknown = Object(body)[key];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The service, its API gateway or a validating proxy answered with a non-2xx status. Reads SMS bodies
 * (`error_code`, `error_msg`, 403 `details`), gateway bodies (`APIGW.xxxx`, `request_id`) and RFC 9457
 * problem+json (`type`, `title`, `detail`), as Prism's proxy answers.
 */
export class SmsApiError extends SmsError {
  override name = 'SmsApiError';
  /** `error_code`, such as `SMS.9004` or `APIGW.0301`; for problem+json, the `type` URI's fragment. */
  readonly errorCode: string | undefined;
  /** `error_msg`; for problem+json, `detail` or `title`. */
  readonly errorMsg: string | undefined;
  /** The `X-Request-Id` response header, or the body's `request_id`: quote it to Huawei support. */
  readonly requestId: string | undefined;
  // Set by the credential providers of `@sms-errors/client/env` when they explain a refused AK/SK request
  // (declared only: the main entry's bundle does not grow).
  /** How far the local clock is ahead of the gateway's (negative: behind), in ms, when that is why it refused. */
  declare clockSkewMs?: number;
  /** When the gateway's lockout of the AK ends, when the refusal is (or follows) a lockout. */
  declare lockedUntil?: Date;

  constructor(
    /** HTTP status, such as 403. */
    readonly status: number,
    /** The parsed body (JSON when it was JSON, else the text). */
    readonly body: unknown,
    requestId?: string | null,
    /** What to say instead of the body's code and message (a redirect says where it pointed). */
    what?: string,
  ) {
    const errorCode = field(body, 'error_code') ?? field(body, 'type')?.split('#')[1];
    const errorMsg = field(body, 'error_msg') ?? field(body, 'detail') ?? field(body, 'title');
    const id = requestId ?? field(body, 'request_id');
    super(
      `SMS API answered ${status}${what ?? `${errorCode ? ` ${errorCode}` : ''}${errorMsg ? `: ${errorMsg}` : ''}`}${id ? ` (request id ${id})` : ''}`,
    );
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.requestId = id;
  }

  /** The error of a status: SmsAuthError (401, 403), SmsRateLimitError (429), SmsServerError (5xx), else SmsApiError. */
  static generate(status: number, body: unknown, requestId?: string | null): SmsApiError {
    if (status === 401 || status === 403) {
      return new SmsAuthError(status, body, requestId);
    }
    if (status === 429) {
      return new SmsRateLimitError(status, body, requestId);
    }
    if (status >= 500) {
      return new SmsServerError(status, body, requestId);
    }
    return new SmsApiError(status, body, requestId);
  }

  /** The 403 body's `details`, if any. */
  get details(): SmsErrorBody['details'] {
    return (this.body as SmsErrorBody | undefined)?.details;
  }
}

/** 401 or 403: the credentials were refused, or do not allow this call. */
export class SmsAuthError extends SmsApiError {
  override name = 'SmsAuthError';
}

/** 429: throttled (retried, with Retry-After, before it reaches the caller). */
export class SmsRateLimitError extends SmsApiError {
  override name = 'SmsRateLimitError';
}

/** 5xx: the service or its gateway failed (retried before it reaches the caller). */
export class SmsServerError extends SmsApiError {
  override name = 'SmsServerError';
}

/** What fetch raised on the wire: connection refused or reset, DNS failure, a broken body. Never a mistake of the caller's. */
export class SmsNetworkError extends SmsError {
  override name = 'SmsNetworkError';
  constructor(
    message: string,
    /** How many attempts were made. */
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An attempt took longer than `timeoutMs`, and so did every retry. */
export class SmsTimeoutError extends SmsNetworkError {
  override name = 'SmsTimeoutError';
}

/** A 2xx answer that is not what the spec describes: not JSON, or (strict mode) breaking the schema. */
export class SmsResponseError extends SmsError {
  override name = 'SmsResponseError';
  constructor(
    readonly status: number,
    /** What is wrong, such as `migration_errors[3].name must be at most 255 characters`. */
    readonly violation: string,
  ) {
    super(`SMS API answered ${status}, but ${violation}`);
  }
}

/** The pages disagree with `count`: stopping rather than silently missing or repeating records. */
export class SmsPaginationError extends SmsError {
  override name = 'SmsPaginationError';
  constructor(
    message: string,
    /** The offset of the page that disagreed. */
    readonly offset: number,
    /** Records received before it. */
    readonly received: number,
    /** The `count` the server announced. */
    readonly count: number,
  ) {
    super(message);
  }
}
