-- Full-text index of published, routable items (maintained by SysRift.Search on every publish change).
CREATE TABLE "SearchIndex" (
    "ContentItemId" character varying(64) NOT NULL PRIMARY KEY,
    "ContentType" character varying(128) NOT NULL,
    "Path" character varying(1024) NOT NULL,
    "Title" text NOT NULL,
    "Text" text NOT NULL,
    "Body" text NOT NULL,
    "Tags" text NOT NULL,
    "Document" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', "Title"), 'A') ||
        setweight(to_tsvector('english', "Tags"), 'B') ||
        setweight(to_tsvector('english', "Text"), 'B') ||
        setweight(to_tsvector('english', "Body"), 'C')) STORED
);
CREATE INDEX "IX_SearchIndex_Document" ON "SearchIndex" USING GIN ("Document");
CREATE INDEX "IX_SearchIndex_ContentType" ON "SearchIndex" ("ContentType");
