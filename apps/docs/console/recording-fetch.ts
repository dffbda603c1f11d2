// The fetch the console hands to createSmsClient: it sends each request unchanged and keeps what the client
// actually sent (method, URL, headers, after signing) and what came back (status, headers). The curl command
// and the response panel are made from this record, so they show the client's request, not a guess at it.
// The record lives in the page's memory only.

export interface RecordedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
}

export interface Exchange {
  method: string;
  url: string;
  headers: [string, string][];
  /** What came back; undefined while in flight or when nothing did. */
  response?: RecordedResponse;
  /** Set when fetch itself failed (no answer, or one the browser would not let the page read). */
  failed?: boolean;
}

export function createRecordingFetch(exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const exchange: Exchange = { method: request.method, url: request.url, headers: [...request.headers] };
    exchanges.push(exchange);
    try {
      const response = await fetch(request);
      exchange.response = { status: response.status, statusText: response.statusText, headers: [...response.headers] };
      return response;
    } catch (error) {
      exchange.failed = true;
      throw error;
    }
  };
}
