-- Sessions a user can see and end (checked on every request, so ending one reaches every node), and failed
-- sign-in steps keyed on account and client address. The throttle over those failures replaces Identity's
-- account lockout, which anyone who knew a user name could use to keep that user out.
CREATE TABLE "UserSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "LastSeenUtc" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Device" TEXT NOT NULL,
    "EndedUtc" TEXT NULL,
    "EndedBy" TEXT NULL
);

CREATE TABLE "SignInFailures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignInFailures" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Utc" TEXT NOT NULL,
    "Step" TEXT NOT NULL
);

CREATE INDEX "IX_SignInFailures_UserName_Utc" ON "SignInFailures" ("UserName", "Utc");

CREATE INDEX "IX_SignInFailures_Utc" ON "SignInFailures" ("Utc");

CREATE INDEX "IX_UserSessions_UserId_LastSeenUtc" ON "UserSessions" ("UserId", "LastSeenUtc");

UPDATE "AspNetUsers" SET "LockoutEnabled" = 0, "LockoutEnd" = NULL, "AccessFailedCount" = 0;
