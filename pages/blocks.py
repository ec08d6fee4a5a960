"""StreamField blocks for the trust's flexible content pages."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class WordsOnlyStructBlock(blocks.StructBlock):
    """A block whose choices (a heading's level, a callout's style) are presentation: their
    labels ("Heading", "Information") are not words of the page, so search neither indexes
    them nor shows them in a snippet (a search for "heading" found every page with one)."""

    def get_searchable_content(self, value):
        content = []
        for name, child in self.child_blocks.items():
            if not isinstance(child, blocks.ChoiceBlock):
                content.extend(child.get_searchable_content(value.get(name)))
        return content


class HeadingBlock(WordsOnlyStructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading"), ("h3", "Subheading")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class CalloutBlock(WordsOnlyStructBlock):
    style = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("action", "Action needed"), ("warning", "Important")],
        default="info",
    )
    title = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=200, required=False, help_text="Describe the image; leave blank if decorative."
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class DocumentLinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, required=False)
    documents = blocks.ListBlock(DocumentChooserBlock())

    class Meta:
        icon = "doc-full"
        template = "blocks/document_links.html"


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "link", "document-link", "ul", "ol", "hr"]
    )
    callout = CalloutBlock()
    table = TableBlock(template="blocks/table.html")
    image = ImageBlock()
    documents = DocumentLinksBlock()
