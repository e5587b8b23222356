/** The content hash an uploaded file is known by (SHA-256, the same in the page and in Node). */

/** The SHA-256 of `bytes` as 64 lowercase hex digits. */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const digest = await crypto.subtle.digest('SHA-256', copy.buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether `text` looks like a content hash (64 lowercase hex digits). */
export function isContentHash(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}
