/**
 * A turn's outbound budget: once a send fails, or any call is answered 429/5xx, the turn
 * makes no further call (it fails at once, without running it); a roster lookup's 404 and
 * a card update's 404 are answers that leave the turn free to reply.
 */
import { describe, expect, it } from 'vitest';
import { ConnectorCircuitOpenError, createTurnCircuit, isRosterAnswer, isUpdateAnswer } from './turn-circuit.js';

const failing = (statusCode: number | null) => async () => {
  throw Object.assign(new Error('connector said no'), statusCode === null ? {} : { statusCode });
};

describe('turn circuit', () => {
  it('after a failed send, no further call runs in the turn', async () => {
    const circuit = createTurnCircuit();
    await expect(circuit.call(failing(404))).rejects.toThrow('connector said no');
    let ran = false;
    await expect(circuit.call(async () => (ran = true))).rejects.toBeInstanceOf(ConnectorCircuitOpenError);
    expect(ran).toBe(false);
    expect(circuit.open).toBe(true);
  });

  it('a roster lookup answered 404 (or with no roster) leaves it closed; 429 and 503 open it', async () => {
    const circuit = createTurnCircuit();
    await expect(circuit.call(failing(404), { answers: isRosterAnswer })).rejects.toThrow();
    await expect(circuit.call(failing(null), { answers: isRosterAnswer })).rejects.toThrow();
    expect(circuit.open).toBe(false);
    await expect(circuit.call(failing(503), { answers: isRosterAnswer })).rejects.toThrow();
    expect(circuit.open).toBe(true);
    const throttled = createTurnCircuit();
    await expect(throttled.call(failing(429), { answers: isRosterAnswer })).rejects.toThrow();
    expect(throttled.open).toBe(true);
  });

  it('a card update answered 404 leaves it closed, so the reply still goes out; no answer at all opens it', async () => {
    const circuit = createTurnCircuit();
    await expect(circuit.call(failing(404), { answers: isUpdateAnswer })).rejects.toThrow();
    expect(await circuit.call(async () => 'sent')).toBe('sent');
    const unreachable = createTurnCircuit();
    await expect(unreachable.call(failing(null), { answers: isUpdateAnswer })).rejects.toThrow();
    expect(unreachable.open).toBe(true);
  });
});
