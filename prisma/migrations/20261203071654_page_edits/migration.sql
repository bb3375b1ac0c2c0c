-- AlterTable
ALTER TABLE "Article" ADD COLUMN "anchorLine" INTEGER;
ALTER TABLE "Article" ADD COLUMN "correctedAt" DATETIME;

-- CreateTable
CREATE TABLE "PageEdit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pageId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "basedOn" INTEGER NOT NULL,
    "edit" TEXT NOT NULL,
    "userId" INTEGER,
    "actor" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" TEXT NOT NULL DEFAULT 'active',
    "staleReason" TEXT,
    "undoneAt" DATETIME,
    "undoneBy" TEXT,
    CONSTRAINT "PageEdit_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleRedirect" (
    "fromPublicId" TEXT NOT NULL PRIMARY KEY,
    "toPublicId" TEXT NOT NULL,
    "fromAnchorLine" INTEGER,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable (a plain ADD COLUMN: no copy of every page's raw text)
ALTER TABLE "Page" ADD COLUMN "editVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "PageEdit_pageId_seq_key" ON "PageEdit"("pageId", "seq");

-- CreateIndex
CREATE INDEX "ArticleRedirect_toPublicId_idx" ON "ArticleRedirect"("toPublicId");
