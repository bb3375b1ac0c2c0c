/**
 * Issue dates as the edition names them ("YYYY-MM-DD"), below every layer that reads or validates
 * one: the store, the validations and the site.
 */
/** A strict "YYYY-MM-DD" that is a real calendar date. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
