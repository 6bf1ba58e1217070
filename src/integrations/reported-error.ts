/**
 * The error a build step throws after printing its own `file:line:col` report: Astro shows the
 * message and the `hint`, and no stack trace, which would only bury the report above it.
 */
export class ReportedError extends Error {
  /** Astro prints `hint` under the error. */
  readonly hint: string;

  constructor(name: string, message: string, hint: string) {
    // Keep messages free of the words "document" and "window": Astro would add a hint about browser APIs.
    super(message);
    this.name = name;
    this.hint = hint;
    this.stack = this.message;
  }
}
