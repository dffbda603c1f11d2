// What every runtime's probe must show, checked the same way for Bun, Deno and Chromium: the whole sandbox
// with each credential kind, one error_json decoded as Node decodes it, the mock's page, the sandbox's 401
// as an SmsApiError with its request id, and an AK/SK signature equal to Huawei's signer's.
import { beforeAll, expect, inject, it } from 'vitest';
import { huaweiAuthorization, nodeReference, type ProbeResult } from './helpers.js';
import { testCredentials } from './test-credentials.js';

export function expectSameAsNode(run: () => ProbeResult): void {
  let reference: ProbeResult;
  beforeAll(async () => {
    reference = await nodeReference();
  });

  it('lists every record of the sandbox with a token, page after page, as Node does', () => {
    expect(run().token.count).toBe(inject('sandboxSize'));
    expect(new Set(run().token.sourceIds).size).toBe(inject('sandboxSize'));
    expect(run().token.sourceIds).toEqual(reference.token.sourceIds);
  });

  it('lists every record of the sandbox with AK/SK signing', () => {
    expect(run().akSk.count).toBe(inject('sandboxSize'));
    expect(run().akSk.sourceIds).toEqual(reference.token.sourceIds);
  });

  it("signs exactly as Huawei's own signer does (fixed clock, request captured)", () => {
    const { signature } = run();
    expect(signature.authorization).toMatch(
      new RegExp(
        `^SDK-HMAC-SHA256 Access=${testCredentials.ak}, SignedHeaders=host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(signature.projectId).toBe(testCredentials.projectId);
    expect(signature.authorization).toBe(huaweiAuthorization(signature));
    expect(signature).toEqual(reference.signature);
  });

  it('decodes an error_json with parameters into its code and filled-in message', () => {
    const { decoded } = run();
    expect(decoded.code).toMatch(/^SMS\.\d{4}$/);
    expect(decoded.params.length).toBeGreaterThan(0);
    expect(decoded.message).toEqual(expect.any(String));
    expect(decoded).toEqual(reference.decoded);
  });

  it("reads the mock's page, and the sandbox's 401 as an SmsApiError with its request id", () => {
    expect(run().mock).toEqual(reference.mock);
    expect(run().mock.length).toBeGreaterThan(0);
    expect(run().unauthorized).toEqual({
      isApiError: true,
      status: 401,
      errorCode: reference.unauthorized.errorCode,
      hasRequestId: true,
    });
  });
}
