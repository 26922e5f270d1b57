-- ASP.NET Core Data Protection keys, shared by every node of the site (cookies and antiforgery tokens).
CREATE TABLE "DataProtectionKeys" (
    "FriendlyName" character varying(256) NOT NULL PRIMARY KEY,
    "Xml" text NOT NULL
);
