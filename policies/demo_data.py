"""Demo model policies: believable text for a trust of UK primary and special schools.

Each policy: slug, title, area, statutory, owner username, summary, review cycle in months,
months since approval, who must acknowledge ({"all": True} / {"roles": [...]}), and its
versions in order as (days ago, material, change note, body HTML)."""

SAFEGUARDING_V1 = """
<h2>Our commitment</h2>
<p>Every school in the Learning Trust for Excellence is committed to safeguarding and promoting the welfare of children. Safeguarding is everyone's responsibility: every adult who works or volunteers in our schools must read Part one of Keeping Children Safe in Education and act on any concern straight away.</p>
<h2>Designated safeguarding lead</h2>
<p>Each school names a designated safeguarding lead (DSL) and at least one deputy. The DSL takes lead responsibility for child protection, liaises with Birmingham Children's Trust and keeps written records of every concern, secure and separate from the main pupil file.</p>
<h2>If you are worried about a child</h2>
<p>Write down what you saw or heard, in the child's own words where you can, and pass it to the DSL before the end of the school day. Do not promise a child that you will keep a secret.</p>
<p>If a child is in immediate danger, call the police on 999 and then tell the DSL.</p>
<h2>Allegations against staff</h2>
<p>Concerns about a member of staff, supply teacher, volunteer or contractor go to the headteacher, or to the chair of governors if the concern is about the headteacher. The headteacher contacts the Local Authority Designated Officer (LADO) within one working day.</p>
<h2>Training</h2>
<p>All staff receive safeguarding and child protection training at induction and update it at least annually. The DSL and deputies complete refresher training every two years.</p>
"""

SAFEGUARDING_V2 = SAFEGUARDING_V1.replace(
    "liaises with Birmingham Children's Trust",
    "liaises with Birmingham Children's Advice and Support Service (CASS, 0121 303 1888)",
)

SAFEGUARDING_V3 = (
    SAFEGUARDING_V2.replace(
        "and act on any concern straight away.</p>",
        "and act on any concern straight away.</p>\n<p>This policy reflects Keeping Children Safe in "
        "Education 2025 and Working Together to Safeguard Children 2023.</p>",
    )
    .replace(
        "<h2>Training</h2>",
        "<h2>Online safety, filtering and monitoring</h2>\n<p>The DSL takes lead responsibility for "
        "online safety, including understanding the filtering and monitoring systems in place. Staff "
        "report any concern about what a child has seen or shared online in the same way as any other "
        "safeguarding concern, and report any failure of filtering to the DSL and the IT lead the same "
        "day.</p>\n<h2>Training</h2>",
    )
    .replace(
        "before the end of the school day.",
        "immediately, and in any case within the same school day, using the school's recording "
        "system.",
    )
)

SEND = """
<h2>Aims</h2>
<p>We want every pupil with special educational needs and disabilities (SEND) to achieve well, to take a full part in school life and to move on successfully to the next stage of their education. This policy follows the SEND Code of Practice: 0 to 25 years and the Children and Families Act 2014.</p>
<h2>Identifying needs</h2>
<p>Class teachers are responsible for the progress of every pupil in their class, including those supported by teaching assistants. Where a pupil makes less than expected progress despite high-quality teaching, the teacher talks to the parents and the special educational needs coordinator (SENCO).</p>
<h2>A graduated approach</h2>
<p>We follow the cycle of assess, plan, do and review. Support is recorded on a pupil support plan, shared with the family and reviewed at least three times a year.</p>
<h2>Education, health and care plans</h2>
<p>Where a pupil needs more support than the school can provide from its own resources, the SENCO, with the parents, asks Birmingham City Council for an education, health and care needs assessment.</p>
<h2>Working together</h2>
<p>The trust's SEND working group, led from Langley Special School, shares expertise, training and outreach between our schools.</p>
"""

SEND_V2 = SEND.replace(
    "reviewed at least three times a year.</p>",
    "reviewed at least three times a year. Pupils contribute their own views to every review, "
    "using pictures or symbols where that helps.</p>",
)

BEHAVIOUR = """
<h2>Our approach</h2>
<p>Good behaviour is taught, modelled and recognised. Our schools share three simple rules: be ready, be respectful, be safe. Adults use calm, consistent language and follow up fairly.</p>
<h2>Recognition</h2>
<p>Staff notice and praise positive behaviour first. Each school chooses its own recognition system (for example house points or a weekly celebration assembly) and describes it in its adaptation of this policy.</p>
<h2>Consequences</h2>
<p>Where behaviour falls short we use a stepped approach: a reminder, a warning, time to reflect, and a restorative conversation. Serious incidents are recorded and parents informed the same day.</p>
<h2>Suspension and exclusion</h2>
<p>Only the headteacher may suspend or permanently exclude a pupil, following the Department for Education's statutory guidance. This is a last resort.</p>
<h2>Reasonable adjustments</h2>
<p>We make reasonable adjustments for pupils with SEND so that the policy is applied fairly, and we consider whether behaviour may be a sign of an unmet need or a safeguarding concern.</p>
"""

ATTENDANCE_V1 = """
<h2>Why attendance matters</h2>
<p>Pupils who attend school regularly learn more, make friends and feel safer. We expect every pupil to attend every day the school is open unless they are genuinely unwell or there is an exceptional reason.</p>
<h2>Reporting an absence</h2>
<p>Parents telephone the school office before 9am on each day of absence. If we have not heard, the office contacts the family on the first morning.</p>
<h2>Leave in term time</h2>
<p>The headteacher can only authorise leave in term time in exceptional circumstances. Requests are made in writing in advance.</p>
<h2>Supporting attendance</h2>
<p>Where attendance falls below 90 per cent we invite parents to a meeting to agree how we can help.</p>
"""

ATTENDANCE_V2 = ATTENDANCE_V1.replace(
    "<p>Where attendance falls below 90 per cent we invite parents to a meeting to agree how we "
    "can help.</p>",
    "<p>This policy follows the statutory guidance Working Together to Improve School Attendance "
    "(August 2024). Each school names a senior attendance champion.</p>\n<p>Where attendance falls "
    "below 95 per cent we contact the family; below 90 per cent (persistent absence) we invite "
    "parents to a meeting and agree an attendance support plan, reviewed after six weeks.</p>\n"
    "<p>We share daily attendance data with the Department for Education as required.</p>",
)

DATA_PROTECTION = """
<h2>Scope</h2>
<p>This policy covers all personal data the trust and its schools hold about pupils, parents, staff, governors and visitors, in any format. It meets the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018.</p>
<h2>Data protection officer</h2>
<p>The trust has appointed a data protection officer (DPO) who advises schools, monitors compliance and is the first point of contact for the Information Commissioner's Office.</p>
<h2>Staff responsibilities</h2>
<ul><li>Only access personal data you need for your work.</li><li>Lock your screen when you leave your desk and never share passwords.</li><li>Use the intranet and school systems, not personal email or USB sticks, for pupil data.</li><li>Report any suspected data breach to the school office and the DPO straight away.</li></ul>
<h2>Subject access requests</h2>
<p>Anyone may ask for a copy of the personal data we hold about them. Pass any such request to the headteacher on the day it arrives: we must reply within one month.</p>
<h2>Retention</h2>
<p>We keep records only as long as the trust's retention schedule says, then destroy them securely.</p>
"""

ONLINE_SAFETY = """
<h2>Purpose</h2>
<p>Technology brings great opportunities for learning. This policy sets out how we teach pupils to stay safe online and how staff use technology responsibly.</p>
<h2>Teaching online safety</h2>
<p>Online safety is taught through computing, PSHE and relationships education in every year group, using the Education for a Connected World framework.</p>
<h2>Filtering and monitoring</h2>
<p>All school devices and networks are filtered. The IT lead reviews filtering and monitoring with the DSL at least once a year and after any incident.</p>
<h2>Staff use of technology</h2>
<p>Staff must not contact pupils or parents through personal social media accounts or personal phones. Photographs of pupils are taken only on school devices and only where parents have given consent.</p>
"""

HEALTH_SAFETY = """
<h2>Responsibilities</h2>
<p>The trust board has overall responsibility for health and safety. Each headteacher is responsible for day-to-day health and safety in their school, supported by the site manager.</p>
<h2>Risk assessment</h2>
<p>Risk assessments are completed for the premises, for school trips and for any activity with significant risk, and reviewed at least annually.</p>
<h2>First aid and accidents</h2>
<p>Each school has enough trained first aiders for its size, including paediatric first aiders in the early years. All accidents are recorded the same day, and serious ones reported under RIDDOR.</p>
<h2>Fire safety</h2>
<p>Fire drills take place at least once a term. Staff know their evacuation routes and the assembly point for their class.</p>
"""

ANTI_BULLYING = """
<h2>What bullying is</h2>
<p>Bullying is behaviour by an individual or group, repeated over time, that intentionally hurts another person physically or emotionally. It includes cyberbullying and prejudice-based bullying.</p>
<h2>Preventing bullying</h2>
<p>We teach pupils to understand and respect difference, and take part in Anti-Bullying Week every November.</p>
<h2>Responding to bullying</h2>
<p>Every report is taken seriously, recorded and investigated. Staff support the pupil who has been bullied and work with the pupil who has bullied to change their behaviour. Parents of both are informed.</p>
"""

COMPLAINTS = """
<h2>Informal stage</h2>
<p>Most concerns can be settled quickly by talking to the class teacher or the school office. Please raise a concern as soon as possible.</p>
<h2>Formal complaint</h2>
<p>If you are not satisfied, write to the headteacher, who will acknowledge your complaint within five school days and respond in full within fifteen school days.</p>
<h2>Panel hearing</h2>
<p>If you remain dissatisfied, you may ask for your complaint to be heard by a panel of the local governing board, including one person independent of the school.</p>
<h2>Complaints about the headteacher</h2>
<p>Complaints about a headteacher go to the chair of the local governing board through the school office, marked confidential.</p>
"""

COLLABORATION = """
<h2>Why we collaborate</h2>
<p>The Learning Trust for Excellence is a co-operative trust. Our values of self help, self responsibility, democracy, equality, equity and solidarity guide how our eleven schools work together.</p>
<h2>Working groups</h2>
<p>Staff from every school take part in the trust's working groups (Maths, Literacy, SEND, EYFS, ICT, Year 6). Each group has a lead, meets at least half-termly and shares its resources on the intranet's resource hub.</p>
<h2>Sharing staff and expertise</h2>
<p>Schools may share staff, training and specialist support through agreed arrangements. Costs are shared fairly, in proportion to pupil numbers unless the Headteachers' Forum agrees otherwise.</p>
<h2>Decision making</h2>
<p>The Headteachers' Forum meets every six weeks. Decisions are made by consensus wherever possible and recorded in the forum's minutes.</p>
"""

CODE_OF_CONDUCT = """
<h2>Professional standards</h2>
<p>All staff are expected to uphold public trust in the profession and maintain high standards of ethics and behaviour, within and outside school, in line with the Teachers' Standards and the Nolan principles of public life.</p>
<h2>Relationships with pupils</h2>
<p>Staff keep professional boundaries at all times. Any contact with pupils outside school should be for school purposes only and agreed in advance with the headteacher.</p>
<h2>Confidentiality</h2>
<p>Information about pupils, families and colleagues is shared only with those who need to know.</p>
<h2>Speaking up</h2>
<p>Staff who are worried about wrongdoing should follow the trust's whistleblowing procedure; they will be supported and protected.</p>
"""

CURRICULUM = """
<h2>Intent</h2>
<p>Each of our schools offers a broad and balanced curriculum based on the National Curriculum and the EYFS statutory framework, designed to build knowledge step by step.</p>
<h2>Shared planning</h2>
<p>The Maths and Literacy working groups maintain shared long-term plans which schools adapt to their own pupils. Moderation meetings are held across the trust each term.</p>
<h2>Publishing the curriculum</h2>
<p>Each school publishes its curriculum, subject by subject and year by year, on its website.</p>
"""

DEMO_POLICIES = [
    (
        "safeguarding-and-child-protection",
        "Safeguarding and child protection",
        "safeguarding",
        True,
        "dsl.coppice",
        "How every adult in our schools keeps children safe and what to do with a concern.",
        12,
        1,
        {"all": True},
        [
            (400, True, "First trust-wide version", SAFEGUARDING_V1),
            (200, False, "Updated the children's advice service name and number", SAFEGUARDING_V2),
            (
                20,
                True,
                "Updated for KCSIE 2025: filtering and monitoring, same-day recording",
                SAFEGUARDING_V3,
            ),
        ],
    ),
    (
        "special-educational-needs-and-disabilities",
        "Special educational needs and disabilities (SEND)",
        "send",
        True,
        "senco.langley",
        "How we identify and support pupils with SEND.",
        12,
        5,
        {"roles": ["teacher", "teaching_assistant", "senco", "headteacher", "deputy"]},
        [
            (300, True, "First trust-wide version", SEND),
            (150, True, "Pupils contribute their views to every review", SEND_V2),
        ],
    ),
    (
        "behaviour",
        "Behaviour",
        "behaviour",
        True,
        "head.four-oaks",
        "Be ready, be respectful, be safe: our shared approach to behaviour.",
        12,
        4,
        {"all": True},
        [(250, True, "First trust-wide version", BEHAVIOUR)],
    ),
    (
        "attendance",
        "Attendance",
        "attendance",
        True,
        "office.coppice",
        "Why attendance matters and how we support it.",
        12,
        13,
        {"roles": ["teacher", "office", "headteacher", "deputy"]},
        [
            (420, True, "First trust-wide version", ATTENDANCE_V1),
            (
                40,
                True,
                "Follows the 2024 statutory attendance guidance; attendance support plans",
                ATTENDANCE_V2,
            ),
        ],
    ),
    (
        "data-protection",
        "Data protection (UK GDPR)",
        "data_protection",
        True,
        "admin",
        "How we look after personal data and what every member of staff must do.",
        24,
        23,
        {"all": True},
        [(700, True, "First trust-wide version", DATA_PROTECTION)],
    ),
    (
        "online-safety",
        "Online safety",
        "safeguarding",
        False,
        "lead.ict",
        "Teaching pupils to stay safe online and using technology responsibly.",
        12,
        6,
        {"all": True},
        [(180, True, "First trust-wide version", ONLINE_SAFETY)],
    ),
    (
        "health-and-safety",
        "Health and safety",
        "health_safety",
        True,
        "office.coppice",
        "Responsibilities, risk assessment, first aid and fire safety.",
        12,
        11,
        {"all": True},
        [(330, True, "First trust-wide version", HEALTH_SAFETY)],
    ),
    (
        "anti-bullying",
        "Anti-bullying",
        "behaviour",
        False,
        "head.hollyfield",
        "What bullying is, how we prevent it and how we respond.",
        24,
        8,
        {"roles": ["teacher", "teaching_assistant", "headteacher", "deputy"]},
        [(240, True, "First trust-wide version", ANTI_BULLYING)],
    ),
    (
        "complaints",
        "Complaints procedure",
        "other",
        True,
        "admin",
        "How parents and others can raise a concern or make a complaint.",
        36,
        38,
        {"roles": ["office", "headteacher"]},
        [(1150, True, "First trust-wide version", COMPLAINTS)],
    ),
    (
        "collaboration",
        "Collaboration between our schools",
        "collaboration",
        False,
        "head.coppice",
        "How our eleven schools share staff, expertise and decisions.",
        24,
        10,
        {"roles": ["headteacher"]},
        [(300, True, "First trust-wide version", COLLABORATION)],
    ),
    (
        "staff-code-of-conduct",
        "Staff code of conduct",
        "hr",
        False,
        "admin",
        "The professional standards we expect of everyone who works in our schools.",
        12,
        2,
        {"all": True},
        [(60, True, "First trust-wide version", CODE_OF_CONDUCT)],
    ),
    (
        "curriculum",
        "Curriculum",
        "curriculum",
        False,
        "lead.literacy",
        "Our shared approach to a broad and balanced curriculum.",
        36,
        20,
        {},
        [(600, True, "First trust-wide version", CURRICULUM)],
    ),
]

# school slug, policy slug, version number the adaptation is based on, note, edit(model_text)
ADAPTATIONS = [
    (
        "coppice",
        "safeguarding-and-child-protection",
        1,
        "Names our DSL team and adds Coppice's own recording steps",
        lambda text: (
            text.replace(
                "Each school names a designated safeguarding lead (DSL) and at least one deputy.",
                "At Coppice our designated safeguarding lead is the deputy headteacher, and the "
                "headteacher and SENCO are deputy DSLs.",
            )
            + "\n\n## At Coppice\n\n- Concerns are recorded on the blue form kept in the staff room "
            "safe.\n\n- The DSL's photograph is displayed in every classroom."
        ),
    ),
    (
        "hollyfield",
        "attendance",
        1,
        "Our office opens at 8am and we use a text-message line",
        lambda text: text.replace(
            "Parents telephone the school office before 9am on each day of absence.",
            "Parents telephone the school office, or text our absence line, before 9am on each day "
            "of absence. The office is staffed from 8am.",
        ),
    ),
    (
        "langley",
        "special-educational-needs-and-disabilities",
        2,
        "All our pupils have EHC plans: reviews are annual and person-centred",
        lambda text: text.replace(
            "Support is recorded on a pupil support plan, shared with the family and reviewed at least "
            "three times a year.",
            "Every pupil at Langley has an education, health and care plan. Targets are reviewed "
            "termly and the plan itself at a person-centred annual review.",
        ),
    ),
    (
        "four-oaks",
        "behaviour",
        1,
        "Adds our house points system",
        lambda text: text.replace(
            "Each school chooses its own recognition system (for example house points or a weekly "
            "celebration assembly) and describes it in its adaptation of this policy.",
            "At Four Oaks pupils earn house points for their house (Oak, Ash, Beech or Willow), "
            "counted in Friday's celebration assembly.",
        ),
    ),
]

# school slug -> policies adopted as is (at their current version)
ADOPTIONS = {
    "coppice": ["behaviour", "data-protection", "health-and-safety", "online-safety"],
    "four-oaks": ["safeguarding-and-child-protection", "data-protection", "attendance"],
    "moor-hall": ["safeguarding-and-child-protection", "behaviour", "complaints"],
    "little-sutton": ["data-protection"],
    "whitehouse-common": ["safeguarding-and-child-protection", "anti-bullying"],
}
