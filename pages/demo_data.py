"""Facts for the demo trust, from the seed documents (schools, partners, values) plus fictional
staff. Kept as data so `load_demo_trust` stays a short, readable loader."""

import datetime

VALUES = ["self help", "self responsibility", "democracy", "equality", "equity", "solidarity"]

# slug, title, short name, address, postcode, phone, email, headteacher, phase, type, founding
SCHOOLS = [
    (
        "coppice",
        "Coppice Primary School",
        "Coppice",
        "Trinity Road\nFour Oaks\nSutton Coldfield",
        "B75 6TJ",
        "0121 464 7022",
        "enquiries@coppice.bham.sch.uk",
        "Vicky Hewitson",
        "primary",
        "Foundation",
        True,
    ),
    (
        "four-oaks",
        "Four Oaks Primary School",
        "Four Oaks",
        "Edge Hill Road\nSutton Coldfield",
        "B74 4PA",
        "0121 675 2685",
        "enquiries@fouroaksprimary.bham.sch.uk",
        "Heather Sutton",
        "primary",
        "Foundation",
        True,
    ),
    (
        "hollyfield",
        "Hollyfield Primary School",
        "Hollyfield",
        "Hollyfield Road\nSutton Coldfield\nWest Midlands",
        "B75 7SG",
        "0121 378 0672",
        "enquiries@hollyfield.bham.sch.uk",
        "Catherine Lewis",
        "primary",
        "Foundation",
        True,
    ),
    (
        "langley",
        "Langley Special School",
        "Langley",
        "Trinity Road\nSutton Coldfield\nWest Midlands",
        "B75 6TJ",
        "0121 675 2929",
        "enquiries@langley.bham.sch.uk",
        "Fiona Woolford",
        "special",
        "Special",
        True,
    ),
    (
        "little-sutton",
        "Little Sutton Primary School",
        "Little Sutton",
        "Worcester Lane\nSutton Coldfield\nWest Midlands",
        "B75 5NL",
        "0121 675 2929",
        "enquiries@littlesu.bham.sch.uk",
        "Rachel Davis",
        "primary",
        "Foundation",
        True,
    ),
    (
        "moor-hall",
        "Moor Hall Primary School",
        "Moor Hall",
        "Rowallan Drive\nSutton Coldfield\nWest Midlands",
        "B75 6RE",
        "0121 675 3966",
        "enquiries@moorhall.bham.sch.uk",
        "Andrew Steggall",
        "primary",
        "Foundation",
        True,
    ),
    (
        "whitehouse-common",
        "Whitehouse Common Primary School",
        "Whitehouse Common",
        "Cotysmore Drive\nSutton Coldfield\nWest Midlands",
        "B75 6BL",
        "0121 464 1918",
        "enquiries@whitehousecommon.bham.sch.uk",
        "Debbie Allen",
        "primary",
        "Foundation",
        True,
    ),
    (
        "court-farm",
        "Court Farm Primary School",
        "Court Farm",
        "Sutton Coldfield",
        "",
        "",
        "",
        "",
        "primary",
        "",
        False,
    ),
    (
        "the-deanery",
        "The Deanery Church of England Primary School",
        "The Deanery",
        "Sutton Coldfield",
        "",
        "",
        "",
        "",
        "primary",
        "Voluntary aided",
        False,
    ),
    (
        "maney-hill",
        "Maney Hill Primary School",
        "Maney Hill",
        "Sutton Coldfield",
        "",
        "",
        "",
        "",
        "primary",
        "",
        False,
    ),
    (
        "wylde-green",
        "Wylde Green Primary School",
        "Wylde Green",
        "Sutton Coldfield",
        "",
        "",
        "",
        "",
        "primary",
        "",
        False,
    ),
]
JOINED_LATER = datetime.date(2015, 9, 1)
FOUNDED = datetime.date(2012, 9, 1)

PARTNERS = [
    (
        "King Edward's Schools",
        "school",
        "Secondary partner: transition work and subject expertise.",
    ),
    (
        "Bishop Vesey's Grammar School",
        "school",
        "Secondary partner: Year 6 transition and enrichment.",
    ),
    (
        "Beaufort Special School",
        "school",
        "Special school partner: SEND outreach and shared training.",
    ),
    ("Birmingham City University", "university", "Initial teacher training and research partner."),
    (
        "University College Birmingham",
        "university",
        "Training partner for support staff and early years.",
    ),
    ("the Co-operative College", "organisation", "Guidance on co-operative values and governance."),
    (
        "Rotary",
        "community",
        "Community partner: pupil fundraising, including the campaign against polio.",
    ),
]

# slug, title, purpose, meeting schedule, host school of the lead, member schools
GROUPS = [
    (
        "maths",
        "Maths",
        "Shares calculation policy, mastery planning and moderation of maths across the trust.",
        "Half-termly, Tuesdays 4–5.30pm, rotating host school",
        "coppice",
        ["four-oaks", "hollyfield", "moor-hall", "wylde-green"],
    ),
    (
        "literacy",
        "Literacy",
        "Reading, phonics and writing: shared planning, book lists and writing moderation.",
        "Half-termly, Wednesdays 4–5.30pm",
        "hollyfield",
        ["coppice", "little-sutton", "the-deanery", "maney-hill"],
    ),
    (
        "send",
        "SEND",
        "SENCOs from every school sharing provision maps, interventions and EHCP practice.",
        "Termly, Thursdays 1.30–3.30pm at Langley",
        "langley",
        ["coppice", "whitehouse-common", "court-farm", "four-oaks"],
    ),
    (
        "eyfs",
        "EYFS",
        "Early years leads: baseline, learning journeys and EYFS profile moderation.",
        "Half-termly, Mondays 4–5pm",
        "little-sutton",
        ["moor-hall", "court-farm", "wylde-green"],
    ),
    (
        "ict",
        "ICT",
        "Computing curriculum, online safety and shared procurement of devices and software.",
        "Termly, Thursdays 4–5pm (online)",
        "whitehouse-common",
        ["coppice", "maney-hill", "the-deanery"],
    ),
    (
        "year-6",
        "Year 6",
        "Year 6 teachers: SATs preparation, writing moderation and transition to secondary.",
        "Half-termly, Tuesdays 4–5.30pm",
        "moor-hall",
        ["four-oaks", "hollyfield", "the-deanery"],
    ),
    (
        "headteachers-forum",
        "Headteachers' Forum",
        "All eleven headteachers: strategy, review days, shared policies and joint procurement.",
        "Every six weeks, Thursdays 9am–12pm, rotating host school",
        "coppice",
        [],
    ),
]

FIRST_NAMES = [
    "Amira",
    "Ben",
    "Chloe",
    "Daniel",
    "Ella",
    "Farhan",
    "Grace",
    "Harry",
    "Isla",
    "Jamal",
    "Katie",
    "Liam",
    "Maya",
    "Nathan",
    "Olivia",
    "Priya",
    "Rhys",
    "Sophie",
    "Tom",
    "Usha",
    "Zara",
    "Owen",
    "Hannah",
    "Marcus",
    "Leah",
    "Sam",
    "Ruth",
    "Adam",
    "Nadia",
    "Joe",
]
LAST_NAMES = [
    "Ahmed",
    "Baker",
    "Clarke",
    "Dhillon",
    "Evans",
    "Foster",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Mitchell",
    "Nolan",
    "Owen",
    "Patel",
    "Quinn",
    "Roberts",
    "Singh",
    "Turner",
    "Walker",
    "Young",
    "Bennett",
    "Carter",
    "Doyle",
]

GROUP_PAGES = {
    "maths": [
        (
            "calculation-policy",
            "Calculation policy",
            "How we teach the four operations from Reception to Year 6.",
            [
                ("heading", "Progression in written methods"),
                (
                    "paragraph",
                    "<p>All eleven schools follow the same progression so that children who move between trust schools, and teachers who work across them, meet the same methods and vocabulary.</p>",
                ),
                (
                    "table",
                    [
                        ["Year", "Addition", "Subtraction"],
                        ["Year 1", "Number lines to 20", "Counting back"],
                        ["Year 3", "Column method (no exchange)", "Column method (no exchange)"],
                        ["Year 5", "Column method, decimals", "Column method, decimals"],
                    ],
                ),
                (
                    "callout",
                    (
                        "action",
                        "Review due",
                        "<p>The group reviews this policy in the summer term. Send comments to your school's maths lead.</p>",
                    ),
                ),
            ],
        ),
        (
            "mastery-planning",
            "Mastery planning",
            "Shared unit plans and small-steps guidance.",
            [
                ("heading", "How to use the unit plans"),
                (
                    "paragraph",
                    "<p>Each unit plan lists the small steps, the key representations and a fluency starter bank. Adapt them to your class and upload your version to the resource hub so others can learn from it.</p>",
                ),
            ],
        ),
        (
            "moderation",
            "Maths moderation",
            "Termly moderation of Year 2 and Year 6 maths books.",
            [
                (
                    "paragraph",
                    "<p>Bring three books (higher, middle, lower attaining) from each class. We moderate against the trust's end-of-year expectations.</p>",
                ),
            ],
        ),
    ],
    "literacy": [
        (
            "phonics",
            "Phonics",
            "Our shared approach to systematic synthetic phonics.",
            [
                ("heading", "Phonics across the trust"),
                (
                    "paragraph",
                    "<p>All schools use a DfE-validated programme. This page gathers assessment trackers, catch-up guidance and Year 1 phonics screening check practice materials.</p>",
                ),
                (
                    "callout",
                    (
                        "info",
                        "Joint INSET",
                        "<p>The reading INSET with a leading national specialist is on the events calendar.</p>",
                    ),
                ),
            ],
        ),
        (
            "writing-moderation",
            "Writing moderation",
            "KS1 and KS2 writing moderation against the teacher assessment frameworks.",
            [
                (
                    "paragraph",
                    "<p>Moderation meetings rotate between schools. Please bring unaided pieces across a range of genres.</p>",
                ),
            ],
        ),
        (
            "reading-spine",
            "Reading spine",
            "Recommended class novels and poetry for each year group.",
            [
                (
                    "table",
                    [
                        ["Year", "Autumn", "Spring", "Summer"],
                        ["Year 3", "The Iron Man", "Charlotte's Web", "The Butterfly Lion"],
                        ["Year 5", "Cogheart", "Holes", "The Explorer"],
                    ],
                ),
            ],
        ),
    ],
    "send": [
        (
            "provision-maps",
            "Provision maps",
            "Templates and examples of provision maps by need.",
            [
                (
                    "paragraph",
                    "<p>Langley Special School shares its expertise in communication and interaction, and Beaufort supports outreach.</p>",
                ),
            ],
        ),
        (
            "ehcp-guidance",
            "EHCP guidance",
            "Applying for and reviewing Education, Health and Care Plans.",
            [
                (
                    "callout",
                    (
                        "warning",
                        "Deadlines",
                        "<p>Annual review paperwork must reach the local authority two weeks after the meeting.</p>",
                    ),
                ),
            ],
        ),
    ],
    "eyfs": [
        (
            "baseline",
            "Reception baseline",
            "Guidance and moderation of the reception baseline.",
            [
                (
                    "paragraph",
                    "<p>Shared observation formats and moderation of the Early Learning Goals.</p>",
                ),
            ],
        ),
        (
            "learning-journeys",
            "Learning journeys",
            "How we record and share children's learning.",
            [
                ("paragraph", "<p>Examples from each school's EYFS team.</p>"),
            ],
        ),
    ],
    "ict": [
        (
            "online-safety",
            "Online safety",
            "Curriculum, parent workshops and incident guidance.",
            [
                (
                    "paragraph",
                    "<p>Our online safety curriculum map and a template letter for parents.</p>",
                ),
            ],
        ),
        (
            "device-procurement",
            "Device procurement",
            "Joint purchasing of laptops and tablets.",
            [
                (
                    "paragraph",
                    "<p>The trust buys devices together to achieve economies of scale.</p>",
                ),
            ],
        ),
    ],
    "year-6": [
        (
            "sats-preparation",
            "SATs preparation",
            "Timetables, practice papers and access arrangements.",
            [
                (
                    "paragraph",
                    "<p>Shared revision timetable and guidance on access arrangements.</p>",
                ),
            ],
        ),
        (
            "transition",
            "Transition to secondary",
            "Working with King Edward's and Bishop Vesey's.",
            [
                ("paragraph", "<p>Transition days, information sharing and pastoral handover.</p>"),
            ],
        ),
    ],
    "headteachers-forum": [
        (
            "review-days",
            "School review days",
            "Six headteachers visit and review the seventh school in turn.",
            [
                (
                    "paragraph",
                    "<p>Each school is reviewed once a year. The review team agrees the focus with the host headteacher beforehand.</p>",
                ),
            ],
        ),
        (
            "collaboration-policy",
            "Collaboration policy",
            "How the trust's schools work together.",
            [
                (
                    "paragraph",
                    "<p>The collaboration policy sets out how schools share staff, resources and good practice, underpinned by the co-operative values.</p>",
                ),
            ],
        ),
    ],
}

NEWS = [
    (
        "four-schools-join",
        "Four schools join the trust",
        "headteachers-forum",
        None,
        -300,
        "Court Farm, The Deanery, Maney Hill and Wylde Green join the Learning Trust for Excellence.",
        "<p>The trust now comprises eleven schools. The new schools will take part in all the collaborative activities for a year in the first instance.</p>",
    ),
    (
        "leading-aspect-award",
        "Leading Aspect Award for safeguarding",
        None,
        None,
        -120,
        "The trust was recognised for its collaborative approach to excellence in safeguarding.",
        "<p>The verifier praised how school leaders support each other both strategically and practically.</p>",
    ),
    (
        "reading-inset",
        "Joint INSET on reading",
        "literacy",
        None,
        -40,
        "Staff from every school attended a joint INSET day on reading.",
        "<p>Materials from the day are in the resource hub.</p>",
    ),
    (
        "values-awards",
        "Trust values awards this term",
        None,
        "coppice",
        -20,
        "Pupils demonstrating the trust values will be recognised in every school.",
        "<p>Nominate pupils who show self help, self responsibility, democracy, equality, equity and solidarity.</p>",
    ),
    (
        "maths-moderation-dates",
        "Maths moderation dates published",
        "maths",
        None,
        -10,
        "Dates for Year 2 and Year 6 maths moderation are now in the calendar.",
        "<p>Please book cover early.</p>",
    ),
    (
        "send-outreach",
        "SEND outreach from Langley",
        "send",
        "langley",
        -6,
        "Langley Special School is offering outreach sessions on communication and interaction.",
        "<p>Ask your SENCO to book a visit.</p>",
    ),
    (
        "online-safety-week",
        "Online safety week resources",
        "ict",
        None,
        -3,
        "Lesson plans and assemblies for online safety week are ready.",
        "<p>Find them on the ICT group pages.</p>",
    ),
    (
        "pupil-council",
        "Trust pupil council launched",
        None,
        "hollyfield",
        -1,
        "Two pupils from each school will form the first trust pupil council.",
        "<p>The council meets termly at a rotating school.</p>",
    ),
]
