# ruff: noqa: S608 - SQL is assembled from fixed fragments; every value is a parameter.
"""Suggestions: "did you mean" from indexed words, the filters to drop when nothing matches,
and the header box's autocomplete (titles and tags). Every suggestion is checked against what
this user may see, so none reveals a word from a document they cannot open."""

import difflib
from urllib.parse import urlencode

from wagtail.models import Page

from ..query import prefix_words
from .content import dictionary_words, resource_model
from .scope import Scope
from .types import FILTER_LABELS, KIND_LABELS, Filters


class SuggestionsMixin:
    """Engines supply `plain_count`, `vocabulary_candidates`, `autocomplete_from`,
    `autocomplete_score`, `text_columns`, `count` and `fetchall`."""

    def vocabulary_candidates(self, word):
        raise NotImplementedError

    def visible_word(self, user, word):
        """Whether `word` alone finds something this user may see (stemming and synonyms
        included): the only test of whether a word is "known", so that no correction or
        suggestion ever depends on a document the user cannot open."""
        parsed = self.parse(word)
        return bool(parsed) and self.plain_count(Scope(user, Filters()), parsed, "all", cap=1)[0]

    def correct(self, user, parsed):
        """The query with each word that finds nothing visible replaced by the closest
        indexed word that does ("" when no word changed). Short words, numbers and words of
        the trust's dictionary (synonyms, acronyms) are left as they are."""
        protected = dictionary_words()
        changed, out = False, []
        for word in parsed.words:
            if len(word) < 4 or not word.isalpha() or word in protected:
                out.append(word)
                continue
            if self.visible_word(user, word):
                out.append(word)
                continue
            candidates = self.vocabulary_candidates(word)
            close = difflib.get_close_matches(word, candidates, n=5, cutoff=0.75)
            best = next((c for c in close if self.visible_word(user, c)), None)
            out.append(best or word)
            changed = changed or best is not None
        return " ".join(out) if changed else ""

    def suggest(self, user, parsed, filters):
        """A corrected query, offered only if it finds something this user may see."""
        suggestion = self.correct(user, parsed)
        return suggestion if suggestion and self.count(user, suggestion, filters) else ""

    def relax(self, user, parsed, filters):
        out = []
        for key, value in filters.active().items():
            n = self.count(user, parsed.text, filters.without(key))
            if n:
                label = f"{self.CAP:,}+" if n > self.CAP else f"{n:,}"
                out.append(
                    {
                        "key": key,
                        "label": FILTER_LABELS[key],
                        "value": value,
                        "count": n,
                        "count_label": label,
                    }
                )
        return sorted(out, key=lambda r: -r["count"])

    def autocomplete(self, user, text, limit=8, request=None):
        words = prefix_words(text)
        if not words or len(words[-1]) < 2:
            return []
        scope = Scope(user, Filters())
        frm, mparams = self.autocomplete_from(words)
        where, params = scope.allowed_sql()
        title_col, _ = self.text_columns()
        score, sparams = self.autocomplete_score(words)
        sql = (
            f"SELECT d.ct, d.oid, {title_col} FROM {frm} AND {where} "
            f"ORDER BY {score} DESC, e.title_norm DESC LIMIT %s"
        )
        rows = self.fetchall(sql, mparams + params + sparams + [limit])
        out = []
        page_ids = [int(oid) for ct, oid, _ in rows if ct != scope.R]
        pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids)} if page_ids else {}
        Resource = resource_model()
        for ct, oid, title in rows:
            if ct == scope.R:
                url = Resource(pk=int(oid), title=title).get_absolute_url()
                kind = "resource"
            else:
                page = pages.get(int(oid))
                if page is None:
                    continue
                url, kind, title = page.get_url(request) or "", scope.page_cts.get(ct), page.title
            out.append({"label": title, "url": url, "kind": KIND_LABELS.get(kind, "Page")})
        out += self.tag_suggestions(scope, words, limit=4)
        return out

    def tag_suggestions(self, scope, words, limit=4):
        Resource = resource_model()
        resources = scope.resources()
        if Resource is None or resources is None:
            return []
        tag_model = Resource.tags.through.tag_model()
        tagged = Resource.tags.through.objects.filter(
            content_type_id=scope.R, object_id__in=resources.values("pk")
        )
        tags = (
            tag_model.objects.filter(
                name__istartswith=" ".join(words), pk__in=tagged.values("tag_id")
            )
            .order_by("name")
            .values_list("name", flat=True)[:limit]
        )

        return [
            {"label": name, "url": "/search/?" + urlencode({"q": name}), "kind": "Tag"}
            for name in tags
        ]
