"""Near-duplicate text: word shingles reduced to a bottom-k fingerprint (a MinHash sketch).

A fingerprint is the K smallest hashes of a text's 5-word shingles, stored on the resource when
its text is extracted, so comparing a new upload with thousands of resources reads one short
column and does set arithmetic, never re-reading their text."""

import hashlib
import re

SHINGLE_WORDS = 5
K = 64
MAX_CHARS = 200_000  # bounds the work on one text
WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text, size=SHINGLE_WORDS):
    words = WORD.findall((text or "")[:MAX_CHARS].lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _hash(shingle):
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")


def fingerprint(text, k=K):
    """The bottom-k hashes of the text's shingles as a space-separated hex string ("" if none)."""
    hashes = sorted({_hash(s) for s in shingles(text)})[:k]
    return " ".join(f"{h:x}" for h in hashes)


def parse(value):
    return {int(h, 16) for h in (value or "").split()}


def resemblance(a, b, k=K):
    """Estimated Jaccard similarity of two fingerprints (sets of ints), 0..1."""
    if not a or not b:
        return 0.0
    union_bottom = set(sorted(a | b)[:k])
    return len(union_bottom & a & b) / len(union_bottom)


def jaccard(text_a, text_b):
    """Exact Jaccard similarity of two texts' shingle sets (tests and small comparisons)."""
    a, b = shingles(text_a), shingles(text_b)
    return len(a & b) / len(a | b) if a and b else 0.0


def most_similar(target, candidates, *, threshold=0.5, limit=5):
    """[(score, key)] of (key, fingerprint string) candidates at or above the threshold."""
    target_set = parse(target)
    if not target_set:
        return []
    scored = []
    for key, value in candidates:
        score = resemblance(target_set, parse(value))
        if score >= threshold:
            scored.append((score, key))
    scored.sort(key=lambda pair: -pair[0])
    return scored[:limit]
