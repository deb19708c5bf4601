"""Shared pieces of the network page types."""

# Rich text on network pages. Images and embeds are left out on purpose for
# restricted pages: an image rendition is a public file under /media/images/,
# so an image on a members-only page would leak (see README, "Leak paths").
PUBLIC_RICH_TEXT = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
RESTRICTED_RICH_TEXT = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
