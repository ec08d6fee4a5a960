"""Schools' text is never trusted HTML: every path from text to markup escapes it."""

from policies.textdiff import diff_rows, html_to_text, text_to_html

EVIL = '<script>alert("x")</script> & <b>bold</b>'


def test_text_to_html_escapes_paragraphs_headings_and_bullets():
    html = str(text_to_html(f"## {EVIL}\n\n{EVIL}\n\n- {EVIL}\n\n- plain"))
    assert "<script>" not in html and "<b>" not in html
    assert html.count("&lt;script&gt;") == 3
    assert "<h3>" in html and "<ul><li>" in html and "<li>plain</li></ul>" in html


def test_diff_rows_escape_both_sides():
    rows = diff_rows("Keep this.\n\nOld words here.", f"Keep this.\n\nOld words {EVIL}.\n\n{EVIL}")
    kinds = [row.kind for row in rows]
    assert kinds == ["equal", "changed", "added"]
    for row in rows:
        for side in (row.left, row.right, row.inline):
            assert "<script>" not in str(side) and "<b>" not in str(side)
    assert "[added: </span>" in str(rows[1].inline) and "&lt;b&gt;" in str(rows[2].right)


def test_round_trip_of_model_html():
    text = html_to_text("<h2>Aims</h2><p>One &amp; two.</p><ul><li>A</li><li>B</li></ul>")
    assert text == "## Aims\n\nOne & two.\n\n- A\n\n- B"
    assert (
        str(text_to_html(text)) == "<h3>Aims</h3><p>One &amp; two.</p><ul><li>A</li><li>B</li></ul>"
    )
