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

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Partial<Record<'$map' | '$set' | '$int32', unknown>>;
    if (Array.isArray(v.$map)) return new Map(v.$map as Array<[unknown, unknown]>);
    if (Array.isArray(v.$set)) return new Set(v.$set);
    if (typeof v.$int32 === 'string') {
      const bytes = Buffer.from(v.$int32, 'base64');
      // Copied into a fresh buffer: an Int32Array needs 4-byte alignment, a decoded Buffer may not have it.
      return new Int32Array(new Uint8Array(bytes).buffer);
    }
  }
  return value;
}

export function toStoredJson(value: unknown): string {
  return JSON.stringify(value, replacer);
}

export function fromStoredJson<T>(text: string): T {
  return JSON.parse(text, reviver) as T;
}

