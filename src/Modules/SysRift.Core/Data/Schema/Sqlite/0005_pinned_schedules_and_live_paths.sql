-- Schedules pin the version that was scheduled (a later draft is not what goes live); one live item per path.
DROP INDEX "IX_ScheduledPublications_PublishAtUtc";

ALTER TABLE "ScheduledPublications" RENAME TO "ScheduledPublications_0004";

CREATE TABLE "ScheduledPublications" (
    "ContentItemId" TEXT NOT NULL CONSTRAINT "PK_ScheduledPublications" PRIMARY KEY,
    "ContentItemVersionId" TEXT NOT NULL,
    "PublishAtUtc" TEXT NOT NULL,
    "RequestedBy" TEXT NULL
);

-- Schedules made before this version published "the latest version at that time": pin that version now.
INSERT INTO "ScheduledPublications" ("ContentItemId", "ContentItemVersionId", "PublishAtUtc", "RequestedBy")
SELECT s."ContentItemId", v."ContentItemVersionId", s."PublishAtUtc", s."RequestedBy"
FROM "ScheduledPublications_0004" s JOIN "ContentVersions" v ON v."ContentItemId" = s."ContentItemId" AND v."Latest";

DROP TABLE "ScheduledPublications_0004";

CREATE INDEX "IX_ScheduledPublications_PublishAtUtc" ON "ScheduledPublications" ("PublishAtUtc");

-- Sites that ran earlier versions may hold two live items at one path (simultaneous publishes). Before the
-- unique index can exist, every live path keeps its first published item; the later ones are taken down
-- (their content stays as a draft, status Unpublished) and leave the term and search indexes.
CREATE TEMPORARY TABLE "DuplicateLivePaths" AS
SELECT v."ContentItemId" FROM "ContentVersions" v
WHERE v."Published" AND v."Path" IS NOT NULL AND v."Path" <> ''
  AND EXISTS (SELECT 1 FROM "ContentVersions" w WHERE w."Published" AND w."Path" = v."Path" AND w."Id" < v."Id");

UPDATE "ContentItems" SET "Status" = 'Unpublished', "Revision" = "Revision" + 1
WHERE "ContentItemId" IN (SELECT "ContentItemId" FROM "DuplicateLivePaths");

UPDATE "ContentVersions" SET "Published" = FALSE
WHERE "Published" AND "ContentItemId" IN (SELECT "ContentItemId" FROM "DuplicateLivePaths");

DELETE FROM "ContentTerms" WHERE "ContentItemId" IN (SELECT "ContentItemId" FROM "DuplicateLivePaths");

DELETE FROM "SearchIndex" WHERE "ContentItemId" IN (SELECT "ContentItemId" FROM "DuplicateLivePaths");

DROP TABLE "DuplicateLivePaths";

CREATE UNIQUE INDEX "IX_ContentVersions_LivePath" ON "ContentVersions" ("Path") WHERE "Published" AND "Path" IS NOT NULL AND "Path" <> '';
