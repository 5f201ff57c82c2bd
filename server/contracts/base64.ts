// Standard padded base64 that works the same in browsers and Node (Node's native decoder where present).

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Standard base64 (with padding) of bytes; works the same in browsers and Node. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`;
  }
  return out;
}

/** Base64 characters with padding only at the end (the length is checked apart: a multiple of 4). */
const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;
const NodeBuffer = (globalThis as { Buffer?: { from(text: string, encoding: 'base64'): Uint8Array } }).Buffer;

/** Decodes standard padded base64; null when the text is not valid base64. Uses Node's native decoder when present. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !BASE64_TEXT.test(text)) return null;
  return NodeBuffer ? NodeBuffer.from(text, 'base64') : decodeBase64(text);
}

/** The portable decoder behind `fromBase64` (browsers); null on a character that is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let j = 0;
  for (let i = 0; i < text.length; i += 4) {
    const c0 = B64_INDEX[text.charCodeAt(i)] ?? -1;
    const c1 = B64_INDEX[text.charCodeAt(i + 1)] ?? -1;
    const last = i + 4 === text.length;
    const c2 = last && pad === 2 ? 0 : (B64_INDEX[text.charCodeAt(i + 2)] ?? -1);
    const c3 = last && pad >= 1 ? 0 : (B64_INDEX[text.charCodeAt(i + 3)] ?? -1);
    if (c0 < 0 || c1 < 0 || c2 < 0 || c3 < 0) return null;
    const n = (c0 << 18) | (c1 << 12) | (c2 << 6) | c3;
    out[j++] = n >> 16;
    if (j < out.length) out[j++] = (n >> 8) & 255;
    if (j < out.length) out[j++] = n & 255;
  }
  return out;
}
