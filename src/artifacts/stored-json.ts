/**
 * JSON that keeps what the content base and the gazetteer are made of: Maps, Sets and
 * Int32Arrays are stored tagged and come back as themselves. Used only for the build's
 * own artifacts (dist/artifacts/), never for anything a user sends.
 */

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] };
  if (value instanceof Set) return { $set: [...value] };
  if (value instanceof Int32Array) return { $int32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  return value;
}

/** The value a tagged object stands for; any other object with its members revived. */
function reviveObject(value: object): unknown {
  const v = value as Partial<Record<'$map' | '$set' | '$int32', unknown>>;
  if (Array.isArray(v.$map)) return new Map((v.$map as Array<[unknown, unknown]>).map(([k, x]) => [revive(k), revive(x)]));
  if (Array.isArray(v.$set)) return new Set(v.$set.map(revive));
  if (typeof v.$int32 === 'string') {
    const bytes = Buffer.from(v.$int32, 'base64');
    // Copied into a fresh buffer: an Int32Array needs 4-byte alignment, a decoded Buffer may not have it.
    return new Int32Array(new Uint8Array(bytes).buffer);
  }
  for (const key in value) (value as Record<string, unknown>)[key] = revive((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * Brings tagged values back, in place, after a plain JSON.parse: a walk in JavaScript
 * costs a fraction of a JSON.parse reviver, which V8 calls for every value (a third of
 * reading a 250-country content artifact, issue 18).
 */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (!Array.isArray(value)) return reviveObject(value);
  for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
  return value;
}

export function toStoredJson(value: unknown): string {
  return JSON.stringify(value, replacer);
}

export function fromStoredJson<T>(text: string): T {
  return revive(JSON.parse(text)) as T;
}

