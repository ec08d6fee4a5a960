"""Reciprocal rank fusion of the keyword and the semantic ranking (Cormack et al., 2009):
each entry scores the sum of 1 / (k + rank) over the rankings it is in, k = 60.

Both rankings come from the same `Scope`, so an entry the user may not see is in neither: it
is not ranked, not fused and not counted."""

from django.conf import settings

from . import embed_query, enabled
from .vectors import nearest

RRF_K = 60
# The fused list covers the first WINDOW entries (5 pages of 20); a page beyond it keeps the
# keyword order, as pages past the fifth are hardly ever opened.
WINDOW = 100


# When no entry had every word, the keyword engine ranks entries with any of them ("help" for
# "help for struggling readers"): weaker evidence, so its ranks count half in the fusion.
ANY_WORD_WEIGHT = 0.5


def rrf(*rankings, k=RRF_K, weights=None):
    """Keys of all rankings, best fused score first (ties: the better single rank, then the
    earlier ranking). `weights`: one factor per ranking (default 1)."""
    weights = weights or [1.0] * len(rankings)
    scores, best = {}, {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, key in enumerate(ranking, start=1):
            scores[key] = scores.get(key, 0.0) + weight / (k + rank)
            best.setdefault(key, rank)
            best[key] = min(best[key], rank)
    order = {}
    for ranking in rankings:
        for key in ranking:
            order.setdefault(key, len(order))
    return sorted(scores, key=lambda key: (-scores[key], best[key], order[key]))


class Hybrid:
    """One search's semantic half: what the keyword engine is asked for, and the fusion."""

    def __init__(self, req):
        self.req = req

    @classmethod
    def for_request(cls, req):
        """A Hybrid, or None when the keyword ranking stands alone (switched off, model not
        installed, sorted by date, or a page past the fused window)."""
        if req.sort != "relevance" or req.page * req.per_page > WINDOW:
            return None
        if not cls.wanted(req.text):
            return None
        return cls(req)

    @staticmethod
    def wanted(text):
        return bool(text.strip()) and enabled()

    @staticmethod
    def semantic(scope, text):
        """The visible entries nearest `text` in meaning, best first (at most WINDOW)."""
        min_score = getattr(settings, "SEARCH_SEMANTIC_MIN_SCORE", 0.3)
        return nearest(scope, embed_query(text), WINDOW, min_score)

    @classmethod
    def fused(cls, scope, text, top, mode="all"):
        """The keyword ranking `top` (found in `mode`: all words, or any) fused with the
        semantic one."""
        weight = 1.0 if mode == "all" else ANY_WORD_WEIGHT
        return rrf(top, cls.semantic(scope, text), weights=[weight, 1.0])

    def keyword_request(self):
        """The keyword engine's part: its best WINDOW entries, with the facets asked for."""
        return self.req.replace(page=1, per_page=WINDOW)

    def fuse(self, scope, total, top, mode="all"):
        """(total, one page of [(entry id, ct, oid)]) of the fused ranking. `top` is the
        keyword engine's best WINDOW; semantic matches it did not find add to the total."""
        fused = self.fused(scope, self.req.text, top, mode)
        total += len(set(fused) - set(top))
        start = (self.req.page - 1) * self.req.per_page
        return total, fused[start : start + self.req.per_page]
