/** The outer layers of a link: prefix, format number, size caps, base64url, bounded inflate, UTF-8, depth, JSON. */
import { fromBase64Url } from './base64url';
import { jsonDepth } from './depth';
import { LINK_FORMAT, LINK_LIMITS, OLDEST_LINK_FORMAT } from './format';
import { inflateBounded } from './inflate';

/** The parsed JSON of a link and its format number, or the one problem that stopped reading it. */
export type Unpacked =
  | { readonly ok: true; readonly format: number; readonly json: unknown }
  | { readonly ok: false; readonly problem: string };

const fail = (problem: string): Unpacked => ({ ok: false, problem });

/** The format number and data of `#x=<format>.<data>` (the leading '#' optional), or a problem. */
function split(hash: string): { format: number; data: string } | string {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith('x='))
    return 'This address does not hold an experiment link (a link starts with #x=).';
  const rest = body.slice(2);
  const dot = rest.indexOf('.');
  const head = dot < 0 ? rest : rest.slice(0, dot);
  if (!/^[0-9]{1,9}$/.test(head))
    return 'This link has no readable format number (it should look like #x=2.…); it may have been cut or changed when copied.';
  const format = Number(head);
  if (format > LINK_FORMAT)
    return `This link was made by a newer version of NAS Studio (format ${format}); this version reads format ≤ ${LINK_FORMAT}.`;
  if (format < OLDEST_LINK_FORMAT)
    return `This link names format ${format}, which NAS Studio never wrote; formats ${OLDEST_LINK_FORMAT} to ${LINK_FORMAT} are read.`;
  if (dot < 0 || dot === rest.length - 1)
    return 'This link holds no experiment data after its format number.';
  return { format, data: rest.slice(dot + 1) };
}

/** Reads the outer layers of a link; never throws. */
export function unpackLink(hash: string): Unpacked {
  const parts = split(hash);
  if (typeof parts === 'string') return fail(parts);
  if (parts.data.length > LINK_LIMITS.maxDataChars)
    return fail(
      `This link is too long: ${parts.data.length.toLocaleString('en')} characters of data, at most ${LINK_LIMITS.maxDataChars.toLocaleString('en')} are read.`,
    );
  const packed = fromBase64Url(parts.data);
  if (packed === null)
    return fail(
      'This link is damaged: it holds characters a link never has (it may have been cut or changed when copied).',
    );
  const inflated = inflateBounded(packed, LINK_LIMITS.maxJsonBytes);
  if (!inflated.ok)
    return fail(
      inflated.reason === 'too-large'
        ? 'This link unpacks to more than 1 MiB of data, more than any experiment needs; it was refused.'
        : 'This link is damaged: its compressed data could not be unpacked (it may have been cut short when copied).',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('This link is damaged: its content is not readable text.');
  }
  if (jsonDepth(text, LINK_LIMITS.maxDepth) < 0)
    return fail(
      `This link's content is nested deeper than ${LINK_LIMITS.maxDepth} levels, more than any experiment needs; it was refused.`,
    );
  try {
    return { ok: true, format: parts.format, json: JSON.parse(text) as unknown };
  } catch {
    return fail('This link is damaged: its content is not valid JSON.');
  }
}
