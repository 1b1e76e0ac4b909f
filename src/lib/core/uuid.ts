import { createHash } from 'node:crypto';

/** RFC 9562 namespace for names that are URLs (6ba7b811-9dad-11d1-80b4-00c04fd430c8). */
export const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * Name-based UUID, version 5 (SHA-1), RFC 9562 §5.5. The same namespace and name always give the
 * same UUID, which is what makes schedule GUIDs stable across builds without storing them.
 */
export function uuidV5(name: string, namespace: string = NAMESPACE_URL): string {
  const namespaceHex = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(namespaceHex)) throw new Error(`Not a UUID namespace: "${namespace}"`);
  const hash = createHash('sha1').update(Buffer.from(namespaceHex, 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
