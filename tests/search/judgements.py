"""Judged queries over the demo trust (`manage.py load_demo_trust`): what staff type, and the
resource or page titles (or page slugs) that should come first. The first item listed is the
best answer (grade 2), any others are also good (grade 1). Judged as the demo `admin`, who may
see everything, so that the ranking is judged and not the visibility rules.

`follow_suggestion`: a misspelt query; the judged list is what the "Did you mean" link finds."""

JUDGEMENTS = [
    # The issue's own examples
    ("phonics planning year 1", ["Phonics phase 5 planning"]),
    ("SEND policy", ["SEND policy", "special-educational-needs-and-disabilities"]),
    ("moderation writing KS2", ["Writing moderation KS2 exemplars"]),
    (
        "safeguarding",
        [
            "safeguarding-and-child-protection",
            "Safeguarding concerns flowchart",
            "Leading Aspect Award for safeguarding",
        ],
    ),
    ("calulation", ["Calculation policy"], {"follow_suggestion": True}),
    # Maths
    ("calculation policy", ["Calculation policy"]),
    ("fractions year 4", ["Year 4 fractions unit plan"]),
    ("times tables", ["Times tables check practice sheets"]),
    ("multiplication check", ["Times tables check practice sheets"]),
    ("variation theory", ["Maths mastery CPD: variation theory"]),
    ("arithmetic tracker", ["KS2 arithmetic assessment tracker"]),
    ("place value year 3", ["Place value scheme of work Year 3"]),
    ("bar models", ["Year 4 fractions unit plan"]),
    ("maths minutes", ["Maths working group minutes autumn"]),
    ("reasoning template", ["Reasoning question template"]),
    (
        "maths moderation",
        [
            "Maths moderation dates published",
            "Maths moderation",
            "Maths working group minutes autumn",
        ],
    ),
    # Literacy
    ("split digraphs", ["Phonics phase 5 planning"]),
    ("reading fluency", ["Reading fluency presentation"]),
    ("spelling rules", ["Spelling rules scheme of work"]),
    ("guided reading questions", ["Guided reading question stems"]),
    ("handwriting", ["Handwriting policy"]),
    ("book band tracker", ["Book band reading tracker"]),
    ("writing exemplars KS1", ["Writing moderation exemplars KS1"]),
    # SEND
    ("SEN support plan", ["SEND support plan template"]),
    ("autism classroom", ["Autism friendly classroom CPD"]),
    ("provision map", ["Provision map example"]),
    ("dyslexia", ["Dyslexia screening guidance"]),
    ("sensory circuit", ["Sensory circuit cards"]),
    ("EHCP annual review", ["Annual review paperwork"]),
    ("SENCO network", ["SENCO network minutes"]),
    # EYFS
    ("reception baseline", ["Reception baseline guidance"]),
    ("continuous provision", ["Continuous provision planning"]),
    ("learning journey", ["EYFS learning journey template"]),
    ("development matters", ["Development matters tracker"]),
    ("mud kitchen forest school", ["Outdoor learning scheme"]),
    # Computing
    (
        "online safety",
        ["Online safety", "Online safety scheme of work", "Online safety week resources"],
    ),
    ("scratch programming", ["Scratch programming worksheets"]),
    ("chromebook setup", ["Chromebook setup guide"]),
    ("acceptable use", ["Acceptable use policy"]),
    ("GDPR training", ["Data protection training slides", "Data protection (UK GDPR)"]),
    # Year 6
    ("SATs revision", ["SATs revision timetable"]),
    ("residential risk assessment", ["Year 6 residential risk assessment"]),
    ("secondary transition", ["Transition to secondary presentation"]),
    ("subordinate clauses", ["Grammar revision worksheets"]),
    ("reading comprehension year 6", ["Reading comprehension papers"]),
    # Leadership and policies
    ("school improvement plan", ["School improvement plan template"]),
    ("attendance", ["attendance", "Attendance strategy"]),
    ("peer review", ["Peer review framework"]),
    ("wellbeing survey", ["Staff wellbeing survey results"]),
    ("behaviour policy", ["behaviour"]),
    ("anti bullying", ["anti-bullying"]),
    ("complaints", ["complaints"]),
    ("MASH referral", ["Safeguarding concerns flowchart"]),
    ("staff code of conduct", ["staff-code-of-conduct"]),
    # News
    ("INSET reading", ["Joint INSET on reading"]),
    ("pupil council", ["Trust pupil council launched"]),
]


def normalised():
    """[(query, [judged ids], options)]"""
    out = []
    for item in JUDGEMENTS:
        query, judged = item[0], item[1]
        options = item[2] if len(item) > 2 else {}
        out.append((query, judged, options))
    return out
