-- ASP.NET Core Data Protection keys, shared by every node of the site (cookies and antiforgery tokens).
CREATE TABLE "DataProtectionKeys" (
    "FriendlyName" TEXT NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY,
    "Xml" TEXT NOT NULL
);
