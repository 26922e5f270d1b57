-- The key ring moves to ASP.NET Core's own EF Core store (PersistKeysToDbContext), which keys rows by an Id.
-- Every existing key is copied, so cookies and antiforgery tokens issued before the upgrade stay valid.
ALTER TABLE "DataProtectionKeys" RENAME TO "DataProtectionKeys_0005";

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") SELECT "FriendlyName", "Xml" FROM "DataProtectionKeys_0005" ORDER BY "FriendlyName";

DROP TABLE "DataProtectionKeys_0005";
