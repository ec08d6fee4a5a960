"""StreamField choices are presentation, not words of the page: a heading block's level label
("Heading") and a callout's style ("Information") are neither indexed nor shown in snippets."""

from wagtail.rich_text import RichText

from tests.factories import ContentPageFactory

from .conftest import titles


def page_with_blocks(world):
    page = ContentPageFactory(parent=world.tree.home, title="Admissions", intro="")
    page.body = [
        ("heading", {"text": "Quokka timetable", "level": "h2"}),
        ("heading", {"text": "Key dates", "level": "h3"}),
        ("callout", {"style": "info", "title": "", "text": RichText("<p>Apply by May.</p>")}),
        ("paragraph", RichText("<p>Offers are made in April.</p>")),
    ]
    page.save_revision().publish()
    return page


def test_heading_level_and_callout_style_are_not_indexed(world, engine):
    page_with_blocks(world)
    for label in ("heading", "subheading", "information", "h2"):
        assert "Admissions" not in titles(engine.search(world.teacher_a, label)), label
    results = engine.search(world.teacher_a, "quokka")
    assert titles(results) == ["Admissions"]
    assert "Heading" not in results.hits[0].snippet
    assert "Quokka" in results.hits[0].snippet
