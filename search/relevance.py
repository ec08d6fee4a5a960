"""Measuring ranking quality against judged queries (tests/search/judgements.py): MRR and
nDCG@10, used by bench/relevance.py and the relevance floor test."""

import math
import time


def hit_ids(hit):
    ids = {hit.title.lower()}
    slug = getattr(hit.obj, "slug", None)
    if slug:
        ids.add(str(slug).lower())
    return ids


def grades(judged):
    return {item.lower(): (2 if i == 0 else 1) for i, item in enumerate(judged)}


def ndcg(ranked_grades, ideal_grades, k=10):
    def dcg(values):
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(values[:k]))

    ideal = dcg(sorted(ideal_grades, reverse=True))
    return dcg(ranked_grades) / ideal if ideal else 0.0


def evaluate(engine, user, judgements, k=10):
    rows = []
    for query, judged, options in judgements:
        started = time.perf_counter()
        results = engine.search(user, query, per_page=k)
        if options.get("follow_suggestion") and results.suggestion:
            results = engine.search(user, results.suggestion, per_page=k)
        elapsed = (time.perf_counter() - started) * 1000
        wanted = grades(judged)
        ranked, seen, first = [], set(), None
        for position, hit in enumerate(results.hits[:k], start=1):
            match = next((i for i in hit_ids(hit) if i in wanted and i not in seen), None)
            if match:
                seen.add(match)
                ranked.append(wanted[match])
                if first is None:
                    first = position
            else:
                ranked.append(0)
        rows.append(
            {
                "query": query,
                "rr": 1.0 / first if first else 0.0,
                "ndcg": ndcg(ranked, list(wanted.values()), k),
                "first": first,
                "top": [h.title for h in results.hits[:3]],
                "ms": elapsed,
            }
        )
    n = len(rows) or 1
    return {
        "mrr": sum(r["rr"] for r in rows) / n,
        "ndcg10": sum(r["ndcg"] for r in rows) / n,
        "rows": rows,
    }


def evaluate_graded(engine, user, queries, key_of, k=10):
    """Graded judgements by class: `queries` is [(query, class, {key: grade})], `key_of(hit)`
    gives a hit's document key (or None). Per class and overall: MRR@k (first document of any
    grade), nDCG@k, recall@k (share of the judged documents in the top k, at most k) and
    `found` (queries with a grade-2 document in the top k)."""
    rows = []
    for query, cls, judged in queries:
        results = engine.search(user, query, per_page=k, with_facets=False)
        keys = [key_of(hit) for hit in results.hits[:k]]
        ranked = [judged.get(key, 0) if key else 0 for key in keys]
        first = next((i for i, g in enumerate(ranked, start=1) if g), None)
        best = max(judged.values())
        rows.append(
            {
                "query": query,
                "class": cls,
                "rr": 1.0 / first if first else 0.0,
                "ndcg": ndcg(ranked, list(judged.values()), k),
                "recall": len({key for key in keys if key in judged}) / min(k, len(judged)),
                "found": any(judged.get(key) == best for key in keys if key),
                "first": first,
                "shown_for": getattr(results, "corrected", "") or "",
                "top": [h.title for h in results.hits[:3]],
            }
        )
    classes = {}
    for cls in dict.fromkeys([r["class"] for r in rows] + ["all"]):
        subset = [r for r in rows if cls in ("all", r["class"])]
        n = len(subset)
        classes[cls] = {
            "n": n,
            "mrr": sum(r["rr"] for r in subset) / n,
            "ndcg10": sum(r["ndcg"] for r in subset) / n,
            "recall10": sum(r["recall"] for r in subset) / n,
            "found": sum(r["found"] for r in subset),
        }
    return {"classes": classes, "rows": rows}
