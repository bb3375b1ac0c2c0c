-- CreateTable
CREATE TABLE "LegacyCorrection" (
    "pageId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "snapshot" TEXT NOT NULL,
    "correctedAt" DATETIME,
    "correctedBy" TEXT,
    "unconverted" TEXT,
    CONSTRAINT "LegacyCorrection_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Keep every whole-page snapshot an editor made before the edit log (nothing is lost):
-- `npm run db:migrate` then turns what it can into edits (lib/corrections/legacy.ts).
INSERT INTO "LegacyCorrection" ("pageId", "snapshot", "correctedAt", "correctedBy")
SELECT "id", "corrected", "correctedAt", "correctedBy" FROM "Page" WHERE "corrected" IS NOT NULL;

-- AlterTable (plain DROP COLUMNs: no copy of every page's raw text)
ALTER TABLE "Page" DROP COLUMN "corrected";
ALTER TABLE "Page" DROP COLUMN "correctedAt";
ALTER TABLE "Page" DROP COLUMN "correctedBy";
