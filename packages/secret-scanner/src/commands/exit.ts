/** Exit codes of every command, and the error that means "the user must fix this". */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A mistake of the user's (a missing path, an unwritable file): one line, exit 2, no stack. */
export class UsageError extends Error {}
