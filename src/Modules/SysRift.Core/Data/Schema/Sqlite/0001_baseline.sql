CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "ContentItems" (
    "ContentItemId" TEXT NOT NULL CONSTRAINT "PK_ContentItems" PRIMARY KEY,
    "ContentType" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "ModifiedUtc" TEXT NOT NULL,
    "Owner" TEXT NULL
);


CREATE TABLE "ContentTerms" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentTerms" PRIMARY KEY AUTOINCREMENT,
    "ContentItemId" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Field" TEXT NOT NULL,
    "Value" TEXT NOT NULL
);


CREATE TABLE "ContentVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContentVersions" PRIMARY KEY AUTOINCREMENT,
    "ContentItemId" TEXT NOT NULL,
    "ContentItemVersionId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "ContentType" TEXT NOT NULL,
    "DisplayText" TEXT NOT NULL,
    "Latest" INTEGER NOT NULL,
    "Published" INTEGER NOT NULL,
    "Owner" TEXT NULL,
    "Author" TEXT NULL,
    "CreatedUtc" TEXT NOT NULL,
    "ModifiedUtc" TEXT NOT NULL,
    "PublishedUtc" TEXT NULL,
    "Path" TEXT NULL,
    "SortOrder" REAL NULL,
    "Data" TEXT NOT NULL
);


CREATE TABLE "Documents" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_Documents" PRIMARY KEY,
    "Content" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "ModifiedUtc" TEXT NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_ContentItems_ContentType_Status" ON "ContentItems" ("ContentType", "Status");


CREATE INDEX "IX_ContentTerms_ContentItemId_Field" ON "ContentTerms" ("ContentItemId", "Field");


CREATE INDEX "IX_ContentTerms_ContentType_Field_Value_ContentItemId" ON "ContentTerms" ("ContentType", "Field", "Value", "ContentItemId");


CREATE INDEX "IX_ContentVersions_ContentItemId_Latest" ON "ContentVersions" ("ContentItemId", "Latest");


CREATE UNIQUE INDEX "IX_ContentVersions_ContentItemId_Number" ON "ContentVersions" ("ContentItemId", "Number");


CREATE INDEX "IX_ContentVersions_ContentItemId_Published" ON "ContentVersions" ("ContentItemId", "Published");


CREATE UNIQUE INDEX "IX_ContentVersions_ContentItemVersionId" ON "ContentVersions" ("ContentItemVersionId");


CREATE INDEX "IX_ContentVersions_ContentType_Latest" ON "ContentVersions" ("ContentType", "Latest");


CREATE INDEX "IX_ContentVersions_ContentType_Published_SortOrder" ON "ContentVersions" ("ContentType", "Published", "SortOrder");


CREATE INDEX "IX_ContentVersions_Path_Published" ON "ContentVersions" ("Path", "Published");


CREATE INDEX "IX_ContentVersions_PublishedByDate" ON "ContentVersions" ("ContentType", "PublishedUtc") WHERE "Published";


