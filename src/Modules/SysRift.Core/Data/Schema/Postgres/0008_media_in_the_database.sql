-- The media library moves from each node's disk into the database: every node serves an upload once it
-- commits, a delete reaches every node, and a backup (pg_dump) holds the images. Files of {DataPath}/media are
-- copied in at the next start (SiteInitializer); each node keeps disk copies by content hash in
-- {DataPath}/media-cache.
CREATE TABLE "MediaFiles" (
    "Path" character varying(512) NOT NULL,
    "ContentType" character varying(64) NOT NULL,
    "Content" bytea NOT NULL,
    "Length" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "CreatedUtc" timestamp with time zone NOT NULL,
    "ModifiedUtc" timestamp with time zone NOT NULL,
    "AltText" character varying(1024),
    "Caption" character varying(1024),
    "Width" integer,
    "Height" integer,
    "Original" bytea,
    CONSTRAINT "PK_MediaFiles" PRIMARY KEY ("Path")
);
