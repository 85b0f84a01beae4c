/**
 * A mistake in how a command was called (unknown option, no matching file): exit code 2 with the message
 * alone. It lives at the root so that every command — check, advise, bench — can throw it without
 * importing the CLI.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
