-- The audit trail (append-only: the triggers below refuse UPDATE and DELETE) and scheduled publishing.
CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "Utc" TEXT NOT NULL,
    "User" TEXT NULL,
    "Category" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "SubjectId" TEXT NULL,
    "Subject" TEXT NULL,
    "Details" TEXT NULL,
    "VersionBefore" TEXT NULL,
    "VersionAfter" TEXT NULL
);

CREATE TABLE "ScheduledPublications" (
    "ContentItemId" TEXT NOT NULL CONSTRAINT "PK_ScheduledPublications" PRIMARY KEY,
    "PublishAtUtc" TEXT NOT NULL,
    "RequestedBy" TEXT NULL
);

CREATE INDEX "IX_AuditEntries_Category_Id" ON "AuditEntries" ("Category", "Id");

CREATE INDEX "IX_AuditEntries_SubjectId_Id" ON "AuditEntries" ("SubjectId", "Id");

CREATE INDEX "IX_AuditEntries_User_Id" ON "AuditEntries" ("User", "Id");

CREATE INDEX "IX_AuditEntries_Utc" ON "AuditEntries" ("Utc");

CREATE INDEX "IX_ScheduledPublications_PublishAtUtc" ON "ScheduledPublications" ("PublishAtUtc");

CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;

CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
