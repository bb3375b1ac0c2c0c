-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Page" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "issueId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT,
    "sourceFile" TEXT NOT NULL,
    "sourceSha256" TEXT NOT NULL,
    "rawText" TEXT NOT NULL,
    "encoding" TEXT NOT NULL DEFAULT 'utf-8',
    "parsed" TEXT NOT NULL,
    "corrected" TEXT,
    "correctedAt" DATETIME,
    "correctedBy" TEXT,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "parseOptions" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "Page_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Page" ("corrected", "correctedAt", "correctedBy", "createdAt", "encoding", "id", "issueId", "name", "number", "parsed", "rawText", "sourceFile", "sourceSha256", "status", "updatedAt", "warnings") SELECT "corrected", "correctedAt", "correctedBy", "createdAt", "encoding", "id", "issueId", "name", "number", "parsed", "rawText", "sourceFile", "sourceSha256", "status", "updatedAt", "warnings" FROM "Page";
DROP TABLE "Page";
ALTER TABLE "new_Page" RENAME TO "Page";
CREATE UNIQUE INDEX "Page_issueId_number_key" ON "Page"("issueId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Article_issueId_idx" ON "Article"("issueId");
