/** A problem with input data (a file, a response, the cache) that the user can act on.
 *  The CLI prints its message on one line and exits non-zero; no stack trace. */
export class DataError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'DataError';
  }
}
