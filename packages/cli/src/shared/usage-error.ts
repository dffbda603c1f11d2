// A mistake on the command line: a bad flag, a missing value, flags that exclude each other. Its message
// names the flag, never the value given (a value typed by mistake could be a secret).
export class UsageError extends Error {
  override name = 'UsageError';
}
