/** A caught value in words (an Error's message, else String()); no UI imports, so the worker can use it. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
