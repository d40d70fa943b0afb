import parseRange from 'range-parser';
import type { ByteRange, ObjectInfo } from '../objects/object-store.js';

/** What to answer a GET or HEAD of an object, given its Range headers. */
export type RangePlan =
  | { kind: 'whole' }
  | { kind: 'part'; range: ByteRange }
  | { kind: 'unsatisfiable' };

export interface RangeHeaders {
  range?: string | undefined;
  'if-range'?: string | undefined;
}

// range-parser 1.x counts a suffix longer than the object as unsatisfiable;
// RFC 9110 (14.1.3) says it means the whole object.
const NONZERO_SUFFIX = /^bytes=\s*-\s*0*[1-9]\d*\s*$/i;

/**
 * One range is answered as 206; a header that does not parse, a unit other
 * than bytes, or an If-Range that no longer matches is ignored (the whole
 * object), as RFC 9110 allows. Several ranges are joined where they touch
 * or overlap; ranges still apart after that get the whole object too, since
 * Sleeve does not send multipart/byteranges.
 */
export function planRange(
  headers: RangeHeaders,
  object: ObjectInfo,
): RangePlan {
  const header = headers.range;
  if (header === undefined || !ifRangeMatches(headers['if-range'], object)) {
    return { kind: 'whole' };
  }
  const ranges = parseRange(object.size, header, { combine: true });
  if (ranges === -2) return { kind: 'whole' };
  if (ranges === -1) {
    if (object.size > 0 && NONZERO_SUFFIX.test(header)) {
      return { kind: 'part', range: { start: 0, end: object.size - 1 } };
    }
    return { kind: 'unsatisfiable' };
  }
  const [first] = ranges;
  if (ranges.type.toLowerCase() !== 'bytes' || ranges.length !== 1 || !first) {
    return { kind: 'whole' };
  }
  return { kind: 'part', range: { start: first.start, end: first.end } };
}

/**
 * If-Range holds a validator the client got earlier: an entity tag, which
 * must match exactly (a weak tag never does), or a Last-Modified date.
 */
function ifRangeMatches(value: string | undefined, object: ObjectInfo) {
  if (value === undefined) return true;
  const validator = value.trim();
  if (validator.startsWith('"')) return validator === object.etag;
  if (validator.startsWith('W/')) return false;
  const date = Date.parse(validator);
  return date === Math.floor(object.modifiedAt / 1000) * 1000;
}

/** The Last-Modified value: HTTP dates count whole seconds. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
