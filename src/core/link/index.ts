/** Experiment links: the versioned, compressed URL-hash format (see ./format for the history and caps). */
export { decodeLink, encodeLink } from './codec';
export { isLinkHash, LINK_FORMAT, LINK_LIMITS, LINK_PREFIX } from './format';
export { jsonEqual } from './records';
export {
  CONTROL_GROUPS,
  LINK_VIEWS,
  LOCKABLE_GROUPS,
  type ControlGroup,
  type LockableGroup,
} from './teaching';
export type { FieldDrafts, LinkPayload, LinkResult, RunSummary, TeachingSettings } from './types';
