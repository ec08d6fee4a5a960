"""Suggested working groups, key stages and type for a file, from its name and text.

Only the file speaks: the sharer's own memberships are not used, so a maths worksheet shared by
the literacy lead is suggested Maths, not Literacy. Plain keyword matching, explainable and
cheap; every suggestion stays a suggestion the sharer can untick."""

import re

# Words that mark a working group's subject, by the group page's slug; the group's own title
# always counts too, so a new group is suggested by its name until it has words of its own.
GROUP_WORDS = {
    "maths": "maths, mathematics, fractions, fraction, multiplication, division, arithmetic, "
    "geometry, times tables, place value, decimals, percentages, algebra, number bonds",
    "literacy": "literacy, phonics, reading, writing, spelling, grammar, punctuation, english, "
    "comprehension, handwriting, poetry",
    "send": "send, senco, ehcp, inclusion, sen, dyslexia, autism, adhd, provision map",
    "eyfs": "eyfs, reception, nursery, early years",
    "ict": "computing, ict, coding, scratch, online safety, e safety, programming",
    "year-6": "year 6, y6, sats, transition",
    "headteachers-forum": "headteachers, governors, ofsted",
}
TYPE_WORDS = {
    "policy": "policy, procedures",
    "planning": "planning, plan, lesson plan, medium term plan, short term plan",
    "scheme-of-work": "scheme of work, sow",
    "assessment": "assessment, test, quiz, tracker, marking, rubric",
    "training-cpd": "training, cpd, inset",
    "presentation": "presentation, slides",
    "worksheet": "worksheet, activity sheet",
    "template": "template, proforma",
    "minutes": "minutes, agenda",
}
KEY_STAGE_PATTERNS = {
    "EYFS": r"\b(eyfs|reception|nursery|early years)\b",
    "KS1": r"\b(ks1|key stage 1|year [12]|y[12])\b",
    "KS2": r"\b(ks2|key stage 2|year [3-6]|y[3-6])\b",
    **{f"Y{n}": rf"\b(year {n}|y{n}|yr {n})\b" for n in range(1, 7)},
    "whole-school": r"\b(whole school|whole-school)\b",
}
# Words in a file name weigh more than the same words deep in its text.
NAME_WEIGHT = 3
MIN_SCORE = 2
TEXT_CHARS = 20_000


def _normalise(text):
    return " " + re.sub(r"[\W_]+", " ", (text or "").lower()) + " "


def _count(haystack, phrase):
    return haystack.count(f" {phrase} ")


def _score(name, text, phrases):
    return sum(NAME_WEIGHT * _count(name, p) + min(_count(text, p), 5) for p in phrases)


def _phrases(words):
    return {_normalise(p).strip() for p in words.split(",")} - {""}


def suggest(filename, text, *, groups, key_stages, types):
    """{"working_groups": [pk], "key_stages": [pk], "resource_type": pk | None}.

    groups: (pk, slug, title) of live working groups; key_stages: (pk, code);
    types: (pk, slug)."""
    name, body = _normalise(filename), _normalise((text or "")[:TEXT_CHARS])
    group_ids = []
    for pk, slug, title in groups:
        phrases = _phrases(GROUP_WORDS.get(slug, "")) | {_normalise(title).strip()}
        phrases.discard("")
        if _score(name, body, phrases) >= MIN_SCORE:
            group_ids.append(pk)
    stage_ids = []
    for pk, code in key_stages:
        pattern = KEY_STAGE_PATTERNS.get(code)
        if pattern is None:
            continue
        hits = NAME_WEIGHT * len(re.findall(pattern, name)) + min(len(re.findall(pattern, body)), 5)
        if hits >= 1:  # a year named once ("Year 4 fractions") is a clear enough sign
            stage_ids.append(pk)
    best_type, best = None, 0
    for pk, slug in types:
        words = TYPE_WORDS.get(slug)
        if not words:
            continue
        score = _score(name, body, _phrases(words))
        if score > best and score >= MIN_SCORE:
            best_type, best = pk, score
    return {"working_groups": group_ids, "key_stages": stage_ids, "resource_type": best_type}
