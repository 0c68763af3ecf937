/**
 * What of an unexpected error may be logged. Error messages can quote input (JSON.parse
 * puts the start of the body in its message, a URIError the bad escape) and input may
 * hold message text, emails or tokens; so logs get the error's name, code and stack
 * frames, never its message.
 */
export interface LoggableError {
  name: string;
  code?: string;
  frames: string[];
}

export function describeError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { name: typeof error, frames: [] };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => line.trim());
  return { name: error.name, ...(typeof code === 'string' ? { code } : {}), frames };
}
