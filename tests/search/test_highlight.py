"""Snippets: escaped, marked, and cut around the first match however long the text is."""

from search import highlight


def regex(*terms):
    return highlight.terms_regex(list(terms))


def test_snippet_finds_a_match_deep_in_a_long_file_text():
    text = "lorem ipsum " * 4000 + "the fractions wall display" + " dolor sit" * 2000
    out = str(highlight.snippet(text, regex("fraction")))
    assert "<mark>fractions</mark> wall display" in out
    assert out.startswith("…") and out.endswith("…")
    assert len(out) < 400


def test_snippet_without_a_match_shows_the_start():
    out = str(highlight.snippet("Weekly plans for Year 1. " * 100, regex("axolotl")))
    assert out.startswith("Weekly plans for Year 1.") and out.endswith("…")
    assert "<mark>" not in out


def test_snippet_escapes_and_strips_markup():
    out = str(
        highlight.snippet(
            "<p>Read the <b>phonics</b> guide & <script>x</script></p>", regex("phonic")
        )
    )
    assert "<mark>phonics</mark>" in out
    assert "<p>" not in out and "<script>" not in out and "&amp;" in out


def test_title_is_marked_and_escaped():
    assert str(highlight.mark("Phonics <plan>", regex("phonic"))) == (
        "<mark>Phonics</mark> &lt;plan&gt;"
    )
