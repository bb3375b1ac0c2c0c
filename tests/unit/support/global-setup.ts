/** Runs once before the unit tests. Database-backed tests create their own files (see db-fixture.ts). */
export default function setup(): void {}
