/**
 * The import: page files in, a durable edition out.
 *
 *   const inputs = readInputs(["data/sample"]);          // files, manifest, checks
 *   const report = importEdition(openSqlite(), inputs, { publish: true });
 *
 * One SQLite transaction for the whole run (all or nothing, also under kill -9); re-importing the
 * same bytes changes nothing; a changed file replaces its page unless editors corrected it (then
 * `force`). Errors are ImportError, naming the file and line.
 */
import type { SqliteDb } from "@/lib/db/sqlite";
import { defaultDependencies } from "./defaults";
import { importEditionWith, type ImportDependencies, type ImportOptions } from "./import-edition";
import type { PageInput } from "./read-inputs";
import type { ImportReport } from "./report";

export { ImportError } from "./errors";
export type { ImportDependencies, ImportOptions } from "./import-edition";
export { MAX_PAGE_BYTES, readInputs, type PageInput } from "./read-inputs";
export type * from "./report";

/**
 * Imports page inputs into the edition store with the real parser, gazetteer and search index
 * (any of which `options` may replace). See importEditionWith.
 */
export function importEdition(
  db: SqliteDb,
  inputs: readonly PageInput[],
  options: ImportOptions & Partial<ImportDependencies> = {},
): ImportReport {
  const { parse, indexer, describeDepartment, ...rest } = options;
  const defaults = defaultDependencies();
  return importEditionWith(
    { parse: parse ?? defaults.parse, indexer: indexer ?? defaults.indexer, describeDepartment: describeDepartment ?? defaults.describeDepartment },
    db,
    inputs,
    rest,
  );
}
