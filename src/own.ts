/**
 * Reading what a caller passed by its own properties only. A property inherited from a
 * polluted `Object.prototype` (or `Array.prototype`) must never read as if the caller had set it.
 */

/** Whether `object` has `key` as its own property (works for objects without a prototype). */
export const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** An own property's value, read once; an inherited one reads as absent. */
export const own = (object: object, key: string): unknown => (hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined);
