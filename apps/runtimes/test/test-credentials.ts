// The credentials every runtime run sends to the sandbox: one place, so that they can point at the
// sandbox's documented test credentials once it verifies AK/SK signatures. Fake values: nothing real.
export const testCredentials = {
  ak: 'RUNTIMESTESTAK000001',
  sk: 'runtimes-test-sk/0123456789+abcdefghij=',
  projectId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
};

/** An IAM token for the token runs (the sandbox checks its length only). */
export const testToken = 'runtimes-test-token';
