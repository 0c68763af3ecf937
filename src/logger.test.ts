/**
 * Proves the logger's last line of defence: free text that could quote a message (the log
 * message, an error's message and stack, its causes) goes through the one redaction
 * function, so an error that echoes input (as JSON.parse and many libraries do) cannot
 * write names, emails, phone numbers or tokens to the log. Structured fields stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger('trace', { write: (line: string) => void lines.push(line) }) };
}

describe('createLogger', () => {
  it('redacts personal data quoted in an error message, its stack and its cause', () => {
    const { lines, logger } = capture();
    const cause = new Error('token xoxb-123456789012-abcdefghijkl rejected');
    logger.error({ err: new Error('Unexpected token in JSON at "Ana Petrova, ana at corp-example dot com, +7 727 123 4567"', { cause }) }, 'request failed');
    const line = lines.join('');
    for (const secret of ['Petrova', 'corp-example', '727 123 4567', 'xoxb-123456789012']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ msg: 'request failed', err: { type: 'Error', message: expect.stringContaining('[email]') } });
  });

  it('redacts the log message itself, and plain error-like objects', () => {
    const { lines, logger } = capture();
    logger.warn({ err: { name: 'SlackError', message: 'could not reach U0123ABCD' } }, 'sent to %s', 'Ana Petrova');
    const line = JSON.parse(lines[0]!);
    expect(line.msg).toBe('sent to [person] [person]');
    expect(line.err.message).toBe('could not reach [id]');
  });

  it('leaves ordinary log lines and structured fields alone', () => {
    const { lines, logger } = capture();
    logger.info({ reminderId: 'r-1', reason: 'users_not_found' }, 'reminder delivery failed');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'reminder delivery failed', reminderId: 'r-1', reason: 'users_not_found' });
  });
});
