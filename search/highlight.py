"""Snippets: a short window of text around the first place the query's words occur, escaped,
with the matching words wrapped in <mark>. Only ever built from results the user may see."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

WINDOW = 110
SPACE_RE = re.compile(r"\s+")


def clean(text):
    text = text or ""
    # strip_tags parses HTML, slowly; file text and most fields have no markup at all.
    if "<" in text:
        text = strip_tags(text)
    return SPACE_RE.sub(" ", text).strip()


def terms_regex(terms):
    terms = [t for t in terms if t]
    if not terms:
        return None
    alternation = "|".join(re.escape(t) for t in terms)
    return re.compile(rf"(?<![^\W_])(?:{alternation})[^\W_]*", re.IGNORECASE)


def find(text, regex):
    return regex.search(text) if (regex and text) else None


def snippet(text, regex, window=WINDOW):
    """Escaped HTML around the first match (or the start of the text when nothing matches)."""
    text = text or ""
    # Only the neighbourhood of the first match is cleaned: file text can be long.
    raw = find(text, regex)
    if raw is not None and len(text) > window * 8:
        lo = max(0, raw.start() - window * 4)
        hi = raw.end() + window * 4
        head, tail = ("… " if lo else ""), (" …" if hi < len(text) else "")
        text = head + text[lo:hi] + tail
    elif len(text) > window * 8:
        text = text[: window * 8] + " …"
    text = clean(text)
    if not text:
        return ""
    match = find(text, regex)
    if match is None:
        piece = text[: window * 2]
        return mark_safe(  # noqa: S308 - every piece is escaped
            escape(piece) + ("…" if len(text) > len(piece) else "")
        )
    start = max(0, match.start() - window)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    end = min(len(text), match.end() + window)
    if end < len(text):
        space = text.rfind(" ", match.end(), end)
        end = space if space > match.end() else end
    piece = text[start:end]
    out, last = [], 0
    for m in regex.finditer(piece):
        out.append(escape(piece[last : m.start()]))
        out.append("<mark>" + escape(m.group(0)) + "</mark>")
        last = m.end()
    out.append(escape(piece[last:]))
    return mark_safe(  # noqa: S308 - every piece is escaped
        ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")
    )


def mark(text, regex):
    """The whole (short) text escaped with <mark>s, for titles."""
    text = text or ""
    if regex is None:
        return escape(text)
    out, last = [], 0
    for m in regex.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append("<mark>" + escape(m.group(0)) + "</mark>")
        last = m.end()
    out.append(escape(text[last:]))
    return mark_safe(  # noqa: S308 - every piece is escaped
        "".join(out)
    )
