/**
 * An article's public id, `YYYYMMDD-PP-NN` (issue date, page, 1-based order on the page): its
 * address and citation. Re-importing the same page gives the same ids, so links keep working.
 * One module for both directions, used by the import, the store, the routes and the validation.
 */

/** The shape of a public id (the routes' validation says so in its own words). */
export const PUBLIC_ID = /^\d{8}-\d{2}-\d{2}$/;

export function formatPublicId(issueDate: string, pageNumber: number, order: number): string {
  return `${issueDate.replaceAll("-", "")}-${String(pageNumber).padStart(2, "0")}-${String(order).padStart(2, "0")}`;
}

/** The issue date ("2026-04-08") of a well-formed public id ("20260408-01-03"). */
export function issueDateOfPublicId(publicId: string): string {
  return `${publicId.slice(0, 4)}-${publicId.slice(4, 6)}-${publicId.slice(6, 8)}`;
}
