/**
 * The import's collaborators from other layers: the parser (with the configured paper's profile),
 * its department gazetteer and the search index. Gathered here so importEdition can take others (tests wrap the index to record
 * its calls) and so the coupling to lib/parser and lib/search sits in one place.
 */
import { lookupDepartment, parsePage } from "@/lib/parser";
import { paper } from "@/lib/paper";
import { indexArticles, removeFromIndex } from "@/lib/search/indexer";
import type { ImportDependencies } from "./import-edition";

/** Departments the gazetteer does not list. */
export const UNKNOWN_DEPARTMENT_KIND = "其他";

/** The real parser, gazetteer and search index. */
export function defaultDependencies(): ImportDependencies {
  return {
    // The configured paper's profile: its places and gazetteer decide the departments.
    parse: (bytes, options) => parsePage(bytes, { ...options, profile: paper.profile }),
    profileStamp: paper.stamp,
    indexer: { indexArticles, removeFromIndex },
    describeDepartment: (name) => {
      const entry = lookupDepartment(name, paper.profile);
      return entry ? { kind: entry.kind, aliases: [...entry.aliases] } : { kind: UNKNOWN_DEPARTMENT_KIND, aliases: [] };
    },
  };
}
