"""StreamField blocks for guide and standard pages.

Each block is structured so that wagtail-localize can translate its prose while
keeping codes, e-mail addresses, phone numbers and URLs synchronised.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from offers.blocks import OffersBlock
from offers.hours import OpeningHoursBlock

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"))
    text = blocks.TextBlock(label=_("Explanation"), required=False)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Step-by-step instructions")
        template = "home/blocks/steps.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning"))],
        default="info",
        label=_("Kind"),
    )
    title = blocks.CharBlock(label=_("Title"), required=False)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Info or warning box")
        template = "home/blocks/callout.html"


class ContactBlock(blocks.StructBlock):
    organisation = blocks.CharBlock(label=_("Organisation"))
    address = blocks.TextBlock(label=_("Address"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    website = blocks.URLBlock(label=_("Website"), required=False)
    hours = OpeningHoursBlock(
        required=False,
        label=_("Opening hours"),
        help_text=_("Shown in the reader's language with “open now”; holidays as exceptions."),
    )
    opening_hours = blocks.TextBlock(
        label=_("Notes on the opening hours"),
        required=False,
        help_text=_("Only what the times cannot say, e.g. “also by appointment”."),
    )
    accessibility = blocks.TextBlock(label=_("Accessibility"), required=False)
    is_example = blocks.BooleanBlock(
        label=_("Example data"),
        required=False,
        help_text=_("Tick when the contact details are invented for the demo."),
    )

    class Meta:
        icon = "user"
        label = _("Contact point")
        template = "home/blocks/contact.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Answer"))


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "home/blocks/faq.html"


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"))
    url = blocks.URLBlock(label=_("Address (URL)"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)


class LinkListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "link"
        label = _("Link list")
        template = "home/blocks/links.html"


class DownloadsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "home/blocks/downloads.html"


class GuideStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Text"), template="home/blocks/paragraph.html"
    )
    steps = StepsBlock()
    callout = CalloutBlock()
    contact = ContactBlock()
    faq = FAQBlock()
    links = LinkListBlock()
    downloads = DownloadsBlock()
    offers = OffersBlock()
