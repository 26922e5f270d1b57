-- Full-text index of published, routable items (maintained by SysRift.Search on every publish change).
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
    "ContentItemId" UNINDEXED,
    "ContentType" UNINDEXED,
    "Path" UNINDEXED,
    "Title",
    "Text",
    "Body",
    "Tags",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
