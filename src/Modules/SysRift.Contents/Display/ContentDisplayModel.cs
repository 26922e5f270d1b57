using SysRift.Contents.Definitions;
using SysRift.Contents.Items;
using SysRift.Core.Site;

namespace SysRift.Contents.Display;

/// <summary>What a content view receives: the item, its type, how it is being shown and the site settings.</summary>
public sealed record ContentDisplayModel(ContentItem Item, ContentTypeDefinition? Type, string DisplayType, SiteSettings Site, bool IsHome, bool IsPreview = false);

/// <summary>A taxonomy term's page: the term shown as content, and the page of items it tags.</summary>
public sealed record TermPageModel(ContentDisplayModel Display, Parts.TermPages.TermLink Term, Publishing.ContentPage Items);
