-- CreateTable
CREATE TABLE "Issue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "date" TEXT NOT NULL,
    "number" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishAt" DATETIME,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Page" (
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
    CONSTRAINT "Page_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "publicId" TEXT NOT NULL,
    "pageId" INTEGER NOT NULL,
    "issueId" INTEGER NOT NULL,
    "issueDate" TEXT NOT NULL,
    "pageNumber" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    "label" TEXT,
    "kicker" TEXT,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "datelineDate" TEXT,
    "category" TEXT NOT NULL,
    "categoryEvidence" TEXT NOT NULL DEFAULT '[]',
    "blocks" TEXT NOT NULL,
    "plainText" TEXT NOT NULL,
    "charCount" INTEGER NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Article_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ArticleByline" (
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "order" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "order"),
    CONSTRAINT "ArticleByline_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleByline_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Department" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]'
);

-- CreateTable
CREATE TABLE "ArticleDepartment" (
    "articleId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "departmentId"),
    CONSTRAINT "ArticleDepartment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Ad" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pageId" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    "lines" TEXT NOT NULL,
    "sourceLines" TEXT NOT NULL,
    CONSTRAINT "Ad_pageId_fkey" FOREIGN KEY ("pageId") REFERENCES "Page" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Issue_date_key" ON "Issue"("date");

-- CreateIndex
CREATE INDEX "Issue_status_date_idx" ON "Issue"("status", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Page_issueId_number_key" ON "Page"("issueId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Article_publicId_key" ON "Article"("publicId");

-- CreateIndex
CREATE INDEX "Article_published_issueDate_idx" ON "Article"("published", "issueDate");

-- CreateIndex
CREATE INDEX "Article_pageId_order_idx" ON "Article"("pageId", "order");

-- CreateIndex
CREATE INDEX "Article_category_published_issueDate_idx" ON "Article"("category", "published", "issueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Person_name_key" ON "Person"("name");

-- CreateIndex
CREATE INDEX "ArticleByline_personId_idx" ON "ArticleByline"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Department_slug_key" ON "Department"("slug");

-- CreateIndex
CREATE INDEX "ArticleDepartment_departmentId_rank_idx" ON "ArticleDepartment"("departmentId", "rank");

-- CreateIndex
CREATE INDEX "Ad_pageId_idx" ON "Ad"("pageId");
