import type { AbuseModel, AbuseModelFile, DecodedHead, ModelHeadFile } from './types';

/**
 * Encoding and decoding of the model file's weights. Pure: the trainer encodes, the schema checks
 * that the weights decode, the checkers decode once per model file (checksum.ts has the checksum,
 * kept apart so that the decoders do not carry SHA-256).
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i += 1) B64_INDEX[B64.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63];
    out += B64[(n >> 12) & 63];
    out += b === undefined ? '=' : B64[(n >> 6) & 63];
    out += c === undefined ? '=' : B64[n & 63];
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i += 1) {
    const code = clean.charCodeAt(i);
    const digit = code < 128 ? (B64_INDEX[code] as number) : -1;
    if (digit < 0) throw new Error(`weights: invalid base64 character at ${i}`);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}

/** Sparse int8 weights → bytes: for each non-zero weight, LEB128(gap from the previous bucket) then the int8. */
export function encodeWeights(quantised: Int8Array): string {
  const bytes: number[] = [];
  let previous = -1;
  for (let i = 0; i < quantised.length; i += 1) {
    const q = quantised[i] as number;
    if (q === 0) continue;
    let gap = i - previous - 1;
    previous = i;
    while (gap >= 128) {
      bytes.push((gap & 127) | 128);
      gap >>>= 7;
    }
    bytes.push(gap, q & 255);
  }
  return toBase64(Uint8Array.from(bytes));
}

export function decodeWeights(encoded: string, size: number): Int8Array {
  const bytes = fromBase64(encoded);
  const out = new Int8Array(size);
  let bucket = -1;
  let i = 0;
  while (i < bytes.length) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[i++];
      if (byte === undefined) throw new Error('weights: truncated');
      gap |= (byte & 127) << shift;
      if (byte < 128) break;
      shift += 7;
    }
    bucket += gap + 1;
    const q = bytes[i++];
    if (q === undefined || bucket >= size) throw new Error('weights: bucket out of range');
    out[bucket] = q > 127 ? q - 256 : q;
  }
  return out;
}

export function slangLines(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([from, to]) => `${from}\t${to}`).join('\n');
}

export function parseSlangLines(lines: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of lines.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) map.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return map;
}

function decodeHead(head: ModelHeadFile, size: number): DecodedHead {
  return {
    bias: head.bias,
    scale: head.scale,
    weights: decodeWeights(head.weights, size),
    threshold: head.threshold,
    errorThreshold: head.errorThreshold,
  };
}

/** Decodes a file that has passed the schema (and so its checksum). */
export function decodeModel(file: AbuseModelFile): AbuseModel {
  const size = 2 ** file.features.hashBits;
  return {
    id: file.id,
    features: file.features,
    tables: {
      slang: parseSlangLines(file.normalisation.slang),
      lexicon: new Set(file.normalisation.lexicon),
    },
    heads: { abuse: decodeHead(file.heads.abuse, size), hate: decodeHead(file.heads.hate, size) },
  };
}
