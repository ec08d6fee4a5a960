"""Plain-text form of policy bodies, and readable word-level diffs between two texts.

Schools edit their adaptations as plain text (headings as `## `, bullets as `- `, blank lines
between paragraphs) so that heads need no admin editor and every change diffs cleanly against
the model policy. Diffs mark changes with <ins>/<del> plus visually hidden words, so they never
rely on colour alone and screen readers announce them."""

import difflib
import re
from html.parser import HTMLParser

from django.utils.html import escape, format_html, format_html_join

BLOCK_PREFIX = {"h2": "## ", "h3": "### ", "h4": "### ", "li": "- "}
BLOCK_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.current = []
        self.prefix = ""

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(self.prefix + text)
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._flush()
            self.prefix = BLOCK_PREFIX.get(tag, "")
        elif tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        self.current.append(data)


def html_to_text(html):
    """Rich text HTML -> paragraphs separated by blank lines."""
    parser = _TextExtractor()
    parser.feed(html or "")
    parser.close()
    parser._flush()
    return "\n\n".join(parser.blocks)


def paragraphs(text):
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", (text or "").strip()) if p.strip()]


def _safe_join(separator, pieces):
    """Join already-safe pieces (format_html escapes anything that is not)."""
    return format_html_join(separator, "{}", ((piece,) for piece in pieces))


def text_to_html(text):
    """The reverse of html_to_text, escaping everything (schools' text is never trusted HTML)."""
    out = []
    items = []
    for para in paragraphs(text):
        if para.startswith("- "):
            items.append(format_html("<li>{}</li>", para[2:]))
            continue
        if items:
            out.append(format_html("<ul>{}</ul>", _safe_join("", items)))
            items = []
        if para.startswith("### "):
            out.append(format_html("<h4>{}</h4>", para[4:]))
        elif para.startswith("## "):
            out.append(format_html("<h3>{}</h3>", para[3:]))
        else:
            out.append(format_html("<p>{}</p>", para))
    if items:
        out.append(format_html("<ul>{}</ul>", _safe_join("", items)))
    return _safe_join("", out)


def _ins(words):
    return format_html(
        '<ins><span class="visually-hidden">[added: </span>{}'
        '<span class="visually-hidden">]</span></ins>',
        words,
    )


def _del(words):
    return format_html(
        '<del><span class="visually-hidden">[removed: </span>{}'
        '<span class="visually-hidden">]</span></del>',
        words,
    )


def word_diff(old, new):
    """One paragraph: old -> new, as (old_html, new_html, inline_html)."""
    a, b = old.split(), new.split()
    left, right, inline = [], [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_words, new_words = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if op == "equal":
            left.append(escape(old_words))
            right.append(escape(new_words))
            inline.append(escape(new_words))
            continue
        if old_words:
            left.append(_del(old_words))
            inline.append(_del(old_words))
        if new_words:
            right.append(_ins(new_words))
            inline.append(_ins(new_words))
    return _safe_join(" ", left), _safe_join(" ", right), _safe_join(" ", inline)


class DiffRow:
    def __init__(self, kind, left="", right="", inline=""):
        # Safe strings from escape/format_html; anything else is escaped on output.
        self.kind = kind  # equal | changed | added | removed
        self.left, self.right, self.inline = left, right, inline

    @property
    def label(self):
        return {
            "equal": "Unchanged",
            "changed": "Changed",
            "added": "Added",
            "removed": "Removed",
        }[self.kind]


def diff_rows(old_text, new_text):
    """Paragraph-aligned rows for a side-by-side table and an inline 'what changed' list."""
    a, b = paragraphs(old_text), paragraphs(new_text)
    rows = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            for para in a[i1:i2]:
                rows.append(DiffRow("equal", escape(para), escape(para), escape(para)))
        elif op == "replace":
            olds, news = a[i1:i2], b[j1:j2]
            for k in range(max(len(olds), len(news))):
                old = olds[k] if k < len(olds) else ""
                new = news[k] if k < len(news) else ""
                if old and new:
                    rows.append(DiffRow("changed", *word_diff(old, new)))
                elif new:
                    rows.append(DiffRow("added", "", _ins(new), _ins(new)))
                else:
                    rows.append(DiffRow("removed", _del(old), "", _del(old)))
        elif op == "insert":
            for para in b[j1:j2]:
                rows.append(DiffRow("added", "", _ins(para), _ins(para)))
        elif op == "delete":
            for para in a[i1:i2]:
                rows.append(DiffRow("removed", _del(para), "", _del(para)))
    return rows


def changed_rows(old_text, new_text):
    return [row for row in diff_rows(old_text, new_text) if row.kind != "equal"]


def summarise(old_text, new_text):
    """'3 paragraphs changed, 1 added' — for alerts and notices."""
    counts = {}
    for row in changed_rows(old_text, new_text):
        counts[row.kind] = counts.get(row.kind, 0) + 1
    if not counts:
        return "No changes to the text"
    parts = []
    for kind in ("changed", "added", "removed"):
        if counts.get(kind):
            n = counts[kind]
            parts.append(f"{n} paragraph{'s' if n != 1 else ''} {kind}")
    return ", ".join(parts)
