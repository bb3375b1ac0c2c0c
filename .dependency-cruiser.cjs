/**
 * The module map, checked by `npm test` (scripts/check-modules.mjs runs dependency-cruiser with
 * this file). Layers, bottom up: pure cores (lib/parser, lib/text, lib/edition) → lib/search,
 * lib/corrections, lib/import, lib/validations, lib/auth, lib/editor → lib/db (the only module
 * that talks to the database) → lib/site → components → app. An arrow may only point down.
 */
const PURE = "^lib/(parser|text|edition)/";
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "A cycle makes two modules one: move what both need down a layer.", from: {}, to: { circular: true } },
    {
      name: "pure-cores",
      severity: "error",
      comment: "The parser and the text helpers are pure functions of their input: no store, no site, no framework.",
      from: { path: PURE },
      to: { path: "^(lib/(?!parser/|text/|edition/)|components|app|next|react)", pathNot: "^lib/generated" },
    },
    {
      name: "lib-not-ui",
      severity: "error",
      comment: "Library code does not reach up into pages or components (the desk's preview renders the reader's own documents: one rendering path).",
      from: { path: "^lib/", pathNot: "^lib/editor/preview-" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-not-app",
      severity: "error",
      comment: "Components are used by routes, never the reverse; the desk's forms call their server actions.",
      from: { path: "^components/" },
      to: { path: "^app/", pathNot: "^app/editor/actions/" },
    },
    { name: "validations-not-store", severity: "error", comment: "Validation is of input, before any store is touched.", from: { path: "^lib/validations/" }, to: { path: "^lib/(db|site|search|auth)/" } },
    { name: "store-not-site", severity: "error", comment: "The store knows nothing of how pages look.", from: { path: "^lib/db/" }, to: { path: "^(lib/site|lib/editor|components|app)/" } },
    { name: "search-not-store-runtime", severity: "error", comment: "lib/search builds and runs queries on a connection it is given; only types come from lib/db.", from: { path: "^lib/search/" }, to: { path: "^lib/db/", dependencyTypesNot: ["type-only"] } },
    {
      name: "sqlite-in-one-module",
      severity: "error",
      comment: "SQLite-only code lives in lib/db/sqlite.ts (so PostgreSQL can take its place).",
      from: { pathNot: "^(lib/db/sqlite\\.ts|lib/db/client\\.ts|lib/db/migrations\\.ts|scripts/|tests/|bench/)" },
      to: { path: "(better-sqlite3|@prisma/adapter-better-sqlite3)" },
    },
    { name: "no-unresolvable", severity: "error", from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|lib/generated|data|test-results)" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".mjs", ".js", ".cjs", ".json"] },
  },
};
