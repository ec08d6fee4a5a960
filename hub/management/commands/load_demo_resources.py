"""Demo hub resources with real small files made by code (PDF, DOCX, PPTX, XLSX, ODT).

Idempotent: resources are found by title and left alone if they exist. Called by
load_demo_trust, which has already created the schools, groups and users used here."""

import io
import zlib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from demo import samples
from hub.models import KeyStage, Resource, ResourceType
from hub.services import create_resource
from pages.models import SchoolPage, WorkingGroupPage

SCHOOLS = [
    "coppice",
    "four-oaks",
    "hollyfield",
    "langley",
    "little-sutton",
    "moor-hall",
    "whitehouse-common",
    "court-farm",
    "the-deanery",
    "maney-hill",
    "wylde-green",
]

# (group slug, subject, key stages, [(title, type slug, kind, text)])
CATALOGUE = [
    (
        "maths",
        "Mathematics",
        ["KS2", "Y4"],
        [
            (
                "Year 4 fractions unit plan",
                "planning",
                "pdf",
                "Equivalent fractions with bar models, fraction walls and number lines.",
            ),
            (
                "Times tables check practice sheets",
                "worksheet",
                "docx",
                "Multiplication facts to 12 x 12 ahead of the Year 4 multiplication tables check.",
            ),
            (
                "Maths mastery CPD: variation theory",
                "training-cpd",
                "pptx",
                "Conceptual and procedural variation; small steps; representations and structures.",
            ),
            (
                "KS2 arithmetic assessment tracker",
                "assessment",
                "xlsx",
                "Question level analysis for arithmetic papers by pupil and objective.",
            ),
            (
                "Place value scheme of work Year 3",
                "scheme-of-work",
                "pdf",
                "Hundreds, tens and ones; partitioning; comparing and ordering numbers to 1000.",
            ),
            (
                "Maths working group minutes autumn",
                "minutes",
                "odt",
                "Moderation of problem solving books; calculation policy review; next steps.",
            ),
            (
                "Calculation policy",
                "policy",
                "pdf",
                "Progression in written methods for addition, subtraction, multiplication, division.",
            ),
            (
                "Reasoning question template",
                "template",
                "docx",
                "True or false, always sometimes never, odd one out: a template for reasoning tasks.",
            ),
        ],
    ),
    (
        "literacy",
        "English",
        ["KS1", "Y2"],
        [
            (
                "Phonics phase 5 planning",
                "planning",
                "pdf",
                "Alternative graphemes, split digraphs and tricky words for Year 1 and Year 2.",
            ),
            (
                "Reading fluency presentation",
                "presentation",
                "pptx",
                "Echo reading, choral reading and repeated reading to build prosody and fluency.",
            ),
            (
                "Writing moderation exemplars KS1",
                "assessment",
                "pdf",
                "Working at the expected standard: annotated narrative and recount samples.",
            ),
            (
                "Spelling rules scheme of work",
                "scheme-of-work",
                "docx",
                "Suffixes, prefixes and homophones sequenced across Years 3 to 6.",
            ),
            (
                "Guided reading question stems",
                "template",
                "docx",
                "Vocabulary, inference, prediction, explanation, retrieval and summary stems.",
            ),
            (
                "Literacy group minutes spring",
                "minutes",
                "odt",
                "Reading for pleasure audit; library refresh; author visit planning.",
            ),
            (
                "Handwriting policy",
                "policy",
                "pdf",
                "Cursive handwriting progression from EYFS to Year 6 with letter families.",
            ),
            (
                "Book band reading tracker",
                "assessment",
                "xlsx",
                "Book band progress by pupil and term with phonics screening outcomes.",
            ),
        ],
    ),
    (
        "send",
        "SEND",
        ["whole-school"],
        [
            (
                "SEND support plan template",
                "template",
                "docx",
                "Outcomes, provision, review dates and pupil voice for SEN support plans.",
            ),
            (
                "Autism friendly classroom CPD",
                "training-cpd",
                "pptx",
                "Visual timetables, sensory breaks, now and next boards, predictable routines.",
            ),
            (
                "Provision map example",
                "planning",
                "xlsx",
                "Interventions, frequency, staff and impact measures across the year.",
            ),
            (
                "SEND policy",
                "policy",
                "pdf",
                "Graduated approach: assess, plan, do, review; EHCP annual reviews.",
            ),
            (
                "Dyslexia screening guidance",
                "other",
                "pdf",
                "Indicators, screening tools and classroom adjustments for dyslexia.",
            ),
            (
                "SENCO network minutes",
                "minutes",
                "odt",
                "Local offer update, speech and language referrals, transition planning.",
            ),
            (
                "Sensory circuit cards",
                "worksheet",
                "pdf",
                "Alerting, organising and calming activities for a morning sensory circuit.",
            ),
            (
                "Annual review paperwork",
                "template",
                "docx",
                "EHCP annual review agenda, contributions and outcomes record.",
            ),
        ],
    ),
    (
        "eyfs",
        "Early years",
        ["EYFS"],
        [
            (
                "Reception baseline guidance",
                "assessment",
                "pdf",
                "Reception baseline assessment: language, communication and early mathematics.",
            ),
            (
                "Continuous provision planning",
                "planning",
                "docx",
                "Enhancements for the water tray, construction area, mark making and role play.",
            ),
            (
                "Early reading in nursery CPD",
                "training-cpd",
                "pptx",
                "Nursery rhymes, oral blending, environmental sounds and story time.",
            ),
            (
                "EYFS learning journey template",
                "template",
                "docx",
                "Observation, next steps and parent contribution in a learning journey.",
            ),
            (
                "Development matters tracker",
                "assessment",
                "xlsx",
                "Prime and specific areas by child with termly checkpoints.",
            ),
            (
                "Outdoor learning scheme",
                "scheme-of-work",
                "pdf",
                "Mud kitchen, forest school sessions and seasonal outdoor activities.",
            ),
            (
                "EYFS group minutes",
                "minutes",
                "odt",
                "Good level of development moderation; transition to Year 1.",
            ),
        ],
    ),
    (
        "ict",
        "Computing",
        ["KS1", "KS2"],
        [
            (
                "Online safety scheme of work",
                "scheme-of-work",
                "pdf",
                "Digital footprint, passwords, cyberbullying and reliable sources.",
            ),
            (
                "Scratch programming worksheets",
                "worksheet",
                "docx",
                "Sprites, loops, variables and events in Scratch for Years 3 and 4.",
            ),
            (
                "Chromebook setup guide",
                "other",
                "pdf",
                "Enrolling devices, Google Workspace for Education accounts and printing.",
            ),
            (
                "Computing curriculum overview",
                "planning",
                "xlsx",
                "Units by year group: algorithms, programming, data, networks.",
            ),
            (
                "Acceptable use policy",
                "policy",
                "pdf",
                "Staff and pupil acceptable use of devices, email and the internet.",
            ),
            (
                "Data protection training slides",
                "training-cpd",
                "pptx",
                "UK GDPR for school staff: subject access, breaches, retention.",
            ),
            (
                "ICT group minutes",
                "minutes",
                "odt",
                "Broadband renewal, Wi-Fi upgrade and shared licences across the trust.",
            ),
        ],
    ),
    (
        "year-6",
        "Mixed",
        ["KS2", "Y6"],
        [
            (
                "SATs revision timetable",
                "planning",
                "xlsx",
                "Reading, grammar, punctuation and spelling and maths revision weeks.",
            ),
            (
                "Year 6 residential risk assessment",
                "template",
                "docx",
                "Outdoor activity centre risk assessment with staffing ratios.",
            ),
            (
                "Transition to secondary presentation",
                "presentation",
                "pptx",
                "Secondary transfer, timetables, lockers and making new friends.",
            ),
            (
                "Grammar revision worksheets",
                "worksheet",
                "pdf",
                "Subordinate clauses, relative clauses, the passive voice and modal verbs.",
            ),
            (
                "Writing moderation KS2 exemplars",
                "assessment",
                "pdf",
                "Greater depth writing: evidence of cohesion, formality and shifts in register.",
            ),
            (
                "Year 6 group minutes",
                "minutes",
                "odt",
                "Moderation dates, SATs arrangements and leavers' assembly.",
            ),
            (
                "Reading comprehension papers",
                "assessment",
                "docx",
                "Practice comprehension papers with mark schemes for Year 6.",
            ),
        ],
    ),
    (
        "headteachers-forum",
        "Leadership",
        ["whole-school"],
        [
            (
                "School improvement plan template",
                "template",
                "docx",
                "Priorities, actions, success criteria, monitoring and governor oversight.",
            ),
            (
                "Attendance strategy",
                "policy",
                "pdf",
                "Persistent absence, first day calling and working together to improve attendance.",
            ),
            (
                "Headteachers' forum minutes",
                "minutes",
                "odt",
                "Trust budget, peer review schedule, recruitment and wellbeing.",
            ),
            (
                "Peer review framework",
                "training-cpd",
                "pdf",
                "School to school peer review: lines of enquiry, evidence and reporting.",
            ),
            (
                "Staff wellbeing survey results",
                "other",
                "xlsx",
                "Workload, communication and wellbeing responses by school.",
            ),
        ],
    ),
]
# Extra audiences, so every visibility level has real examples.
RESTRICTED = [
    (
        "Safeguarding concerns flowchart",
        "Safeguarding leads",
        "policy",
        "pdf",
        "Designated safeguarding lead referral routes, MASH contact and record keeping.",
    ),
    (
        "Child protection training for DSLs",
        "Safeguarding leads",
        "training-cpd",
        "pptx",
        "Contextual safeguarding, early help and multi-agency working.",
    ),
    (
        "EHCP funding bids summary",
        "SENCOs",
        "other",
        "xlsx",
        "High needs top-up funding requests and outcomes by school.",
    ),
    (
        "Headteacher appraisal template",
        "Headteachers",
        "template",
        "docx",
        "Objectives, evidence and review for headteacher performance management.",
    ),
]


def make_file(kind, title, text):
    lines = [text, f"Learning Trust for Excellence resource: {title}."]
    if kind == "pdf":
        return samples.make_pdf(title, lines, pages=2)
    if kind == "docx":
        return samples.make_docx(title, lines)
    if kind == "pptx":
        return samples.make_pptx(title, lines)
    if kind == "xlsx":
        return samples.make_xlsx(title, [[line] for line in lines])
    return samples.make_odt(title, lines)


class Command(BaseCommand):
    help = "Create demo resources for the hub (idempotent; needs load_demo_trust's data)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing but errors.")

    def handle(self, *args, quiet=False, **options):
        say = (lambda *a: None) if quiet else self.stdout.write
        users = {u.username: u for u in get_user_model().objects.all()}
        schools = {s.slug: s for s in SchoolPage.objects.all()}
        groups = {g.slug: g for g in WorkingGroupPage.objects.all()}
        types = {t.slug: t for t in ResourceType.objects.all()}
        stages = {k.code: k for k in KeyStage.objects.all()}
        existing = set(Resource.objects.values_list("title", flat=True))
        created = 0
        counter = 0
        with transaction.atomic():
            for group_slug, subject, stage_codes, items in CATALOGUE:
                group = groups.get(group_slug)
                for title, type_slug, kind, text in items:
                    counter += 1
                    if title in existing:
                        continue
                    school_slug = SCHOOLS[counter % len(SCHOOLS)]
                    uploader = (
                        users.get(f"lead.{group_slug}")
                        if counter % 2
                        else users.get(f"teacher.{school_slug}")
                    )
                    # Every fifth resource is for its own school's staff only.
                    visibility = Resource.SCHOOL if counter % 5 == 0 else Resource.TRUST
                    school = schools.get(school_slug)
                    if visibility == Resource.SCHOOL and school is None:
                        visibility = Resource.TRUST
                    self._create(
                        title,
                        kind,
                        text,
                        uploader,
                        school=school,
                        resource_type=types.get(type_slug),
                        subject=subject,
                        visibility=visibility,
                        working_groups=[group] if group else [],
                        key_stages=[stages[c] for c in stage_codes if c in stages],
                        tags=[subject.lower(), type_slug.replace("-", " ")],
                    )
                    created += 1
            for title, audience, type_slug, kind, text in RESTRICTED:
                if title in existing:
                    continue
                audience_group = Group.objects.filter(name=audience).first()
                uploader = (
                    users.get("dsl.coppice")
                    if "afeguard" in audience
                    else users.get("senco.langley" if audience == "SENCOs" else "head.coppice")
                )
                self._create(
                    title,
                    kind,
                    text,
                    uploader,
                    school=schools.get("coppice" if audience != "SENCOs" else "langley"),
                    resource_type=types.get(type_slug),
                    subject="Leadership",
                    visibility=Resource.RESTRICTED if audience_group else Resource.TRUST,
                    restricted_to=[audience_group] if audience_group else [],
                    key_stages=[stages["whole-school"]] if "whole-school" in stages else [],
                    tags=["confidential"],
                )
                created += 1
            # Believable download counts, so "most downloaded" sorts meaningfully; derived from
            # the title so that re-running gives the same numbers.
            for resource in Resource.objects.filter(download_count=0, title__in=self._titles()):
                resource.download_count = zlib.crc32(resource.title.encode()) % 140
                resource.save(update_fields=["download_count"])
        say(f"Demo resources: {created} created, {len(existing)} already there.")

    @staticmethod
    def _titles():
        return [item[0] for *_rest, items in CATALOGUE for item in items] + [
            item[0] for item in RESTRICTED
        ]

    def _create(self, title, kind, text, uploader, **fields):
        data = make_file(kind, title, text)
        name = f"{title.lower().replace(' ', '-').replace(chr(39), '')}.{kind}"
        return create_resource(
            io.BytesIO(data),
            name=name,
            kind=kind,
            user=uploader,
            title=title,
            description=text,
            **fields,
        )
