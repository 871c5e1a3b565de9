/** Fetching documents: the Fetcher contract, the safe HTTP fetcher and the file-replay fetcher. */
export * from './types.js';
export { HttpFetcher } from './http.js';
export { ReplayFetcher, type ReplayEntry } from './replay.js';
export { blockedAddressReason } from './address.js';
export { decodeBytes, DecodeError, type Decoded } from './charset.js';
