/** Experiment links: the versioned, compressed URL-hash format (see ./format for the history and caps). */
export { decodeLink, encodeLink } from './codec';
export { isLinkHash, LINK_FORMAT, LINK_LIMITS, LINK_PREFIX } from './format';
export { jsonEqual } from './records';
export type { FieldDrafts, LinkPayload, LinkResult, RunSummary } from './types';
