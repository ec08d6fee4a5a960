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
