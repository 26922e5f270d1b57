-- The media library moves from each node's disk into the database: every node serves an upload once it
-- commits, a delete reaches every node, and a backup holds the images. Files of {DataPath}/media are copied in
-- at the next start (SiteInitializer); each node keeps disk copies by content hash in {DataPath}/media-cache.
CREATE TABLE "MediaFiles" (
    "Path" TEXT NOT NULL CONSTRAINT "PK_MediaFiles" PRIMARY KEY,
    "ContentType" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "Length" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "ModifiedUtc" TEXT NOT NULL,
    "AltText" TEXT NULL,
    "Caption" TEXT NULL,
    "Width" INTEGER NULL,
    "Height" INTEGER NULL,
    "Original" BLOB NULL
);
