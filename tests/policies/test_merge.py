"""The three-way merge itself (policies/merge.py), on paragraphs: no database."""

from policies import merge

BASE = ["## Intro", "We keep children safe.", "Call 0121 1111.", "## Training", "Yearly training."]


def choose_model(region):
    return region.model


def test_non_overlapping_changes_apply_without_losing_the_schools_text():
    model = ["## Intro", "We keep children safe.", "Call 0121 2222.", "## Training", "Yearly."]
    school = ["## Intro", "At Coppice we keep children safe.", "Call 0121 1111.", "## Training"]
    school += ["Yearly training.", "## At Coppice", "Blue forms."]
    changes = merge.changes(BASE, model, school)
    assert [c.conflict for c in changes] == [False, False]
    merged = merge.build(BASE, model, school, choose_model)
    assert merged == [
        "## Intro",
        "At Coppice we keep children safe.",
        "Call 0121 2222.",
        "## Training",
        "Yearly.",
        "## At Coppice",
        "Blue forms.",
    ]


def test_overlapping_changes_are_a_conflict_showing_both_wordings():
    model = ["## Intro", "We keep children safe.", "Call CASS on 0121 303 1888.", "## Training"]
    model += ["Yearly training."]
    school = ["## Intro", "We keep children safe.", "Call Mrs Patel, then 0121 1111."]
    school += ["## Training", "Yearly training."]
    [change] = merge.changes(BASE, model, school)
    assert change.conflict and change.base == ["Call 0121 1111."]
    assert change.model == ["Call CASS on 0121 303 1888."]
    assert change.school == ["Call Mrs Patel, then 0121 1111."]
    # Declining keeps the school's words; the rest of the text is untouched.
    assert merge.build(BASE, model, school, lambda r: r.school) == school


def test_the_same_edit_on_both_sides_is_no_conflict():
    model = ["## Intro", "We keep children safe.", "Call 0121 2222.", "## Training"]
    model += ["Yearly training."]
    [change] = merge.changes(BASE, model, list(model))
    assert change.same and not change.conflict


def test_insertions_at_the_same_point_conflict_and_keys_ignore_the_school():
    model = [*BASE, "Online safety."]
    school = [*BASE, "Our own paragraph."]
    [change] = merge.changes(BASE, model, school)
    assert change.conflict
    [clean] = merge.changes(BASE, model, BASE)
    assert clean.key == change.key and not clean.conflict
