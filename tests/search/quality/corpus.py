"""A second corpus, written for the judged set and not derived from the demo trust: documents
of the kind a UK primary / special school trust keeps, each with the title, summary, tags and
type its author would give it and a few paragraphs of body text (the file's text).

Authors spell things their own way, as they do: some write "pro-forma", some "proforma",
"Year 3" or "Y3", "Key Stage 2" or "KS2", the acronym or only the long form. Every document
has a stable key; queries.py judges by key. Deterministic: no randomness at all."""

# (key, resource type slug, key stage codes, tags, title, summary, specific body text)
DOCS = [
    # --- Policies ---------------------------------------------------------------------------
    (
        "attendance-policy",
        "policy",
        ["whole-school"],
        ["attendance", "punctuality"],
        "Attendance and punctuality policy",
        "How we promote good attendance, follow up absence and work with families.",
        "Registers close at 9.10am. Persistent absence is attendance below 90 per cent. The "
        "attendance officer telephones on the first day of absence and the education welfare "
        "service is involved after ten sessions of unauthorised absence.",
    ),
    (
        "behaviour-policy",
        "policy",
        ["whole-school"],
        ["behaviour", "relationships"],
        "Behaviour and relationships policy",
        "Our restorative approach to behaviour, rewards and consequences.",
        "Staff use a calm, consistent script. Restorative conversations follow any incident. "
        "Suspensions and exclusions are decided by the headteacher only, following DfE guidance.",
    ),
    (
        "anti-bullying",
        "policy",
        ["whole-school"],
        ["bullying", "wellbeing"],
        "Anti-bullying policy",
        "Defining bullying, including online and prejudice-based bullying, and how we respond.",
        "Bullying is repeated, intentional harm where there is an imbalance of power. Incidents "
        "are logged on CPOMS and parents are informed the same day.",
    ),
    (
        "safeguarding-policy",
        "policy",
        ["whole-school"],
        ["safeguarding", "child protection"],
        "Safeguarding and child protection policy 2026-27",
        "The trust's child protection policy, updated for Keeping Children Safe in Education 2026.",
        "Every member of staff reads Part one of Keeping Children Safe in Education each "
        "September. The designated safeguarding lead and deputies are named on the front page. "
        "Concerns are recorded the same day and referred to children's social care through the "
        "multi-agency safeguarding hub when a child is at risk of significant harm.",
    ),
    (
        "online-safety-policy",
        "policy",
        ["whole-school"],
        ["online safety", "computing"],
        "Online safety policy",
        "Keeping pupils and staff safe online, filtering and monitoring, acceptable use.",
        "The e-safety lead reviews the filtering and monitoring reports weekly. Pupils sign an "
        "acceptable use agreement each year and online safety is taught in every year group.",
    ),
    (
        "send-policy",
        "policy",
        ["whole-school"],
        ["SEND", "inclusion"],
        "Special educational needs and disabilities policy",
        "How we identify and support pupils with special educational needs and disabilities.",
        "The special educational needs co-ordinator oversees the graduated approach of assess, "
        "plan, do, review. Pupils on SEN support have a support plan reviewed termly. Where needs "
        "are complex the school requests an education, health and care needs assessment.",
    ),
    (
        "accessibility-plan",
        "policy",
        ["whole-school"],
        ["accessibility", "equality"],
        "Accessibility plan 2025-2028",
        "Our three-year plan to increase access for disabled pupils to the curriculum and site.",
        "Actions include a ramp to the KS1 entrance, visual timetables in every classroom and "
        "large-print reading books.",
    ),
    (
        "data-protection-policy",
        "policy",
        ["whole-school"],
        ["GDPR", "data protection"],
        "Data protection policy",
        "How the trust handles personal data under UK GDPR and the Data Protection Act 2018.",
        "The data protection officer is shared across the trust. Subject access requests are "
        "answered within one calendar month. Personal data breaches are reported to the DPO "
        "within 24 hours.",
    ),
    (
        "privacy-notice-pupils",
        "policy",
        ["whole-school"],
        ["privacy", "GDPR"],
        "Privacy notice for pupils and parents",
        "What information we hold about pupils, why, and who we share it with.",
        "We collect names, addresses, attendance, assessment results and medical information. "
        "We share data with the local authority and the Department for Education as the law "
        "requires.",
    ),
    (
        "rse-policy",
        "policy",
        ["KS1", "KS2"],
        ["relationships education", "health education"],
        "Relationships and health education policy",
        "Statutory relationships and health education, and our approach to sex education.",
        "Relationships education covers families, friendships and staying safe. Parents may "
        "withdraw their child from sex education but not from relationships or health education. "
        "Lessons are taught through our personal, social and health education scheme.",
    ),
    (
        "pshe-policy",
        "policy",
        ["whole-school"],
        ["personal development", "wellbeing"],
        "Personal, social, health and economic education policy",
        "The aims and organisation of PSHE across the school, including British values.",
        "PSHE is taught weekly using the Jigsaw scheme. Circle time supports emotional literacy "
        "and pupils learn about money, careers and keeping healthy.",
    ),
    (
        "charging-policy",
        "policy",
        ["whole-school"],
        ["finance", "trips"],
        "Charging and remissions policy",
        "Which activities we charge for, voluntary contributions and help for families.",
        "We ask for voluntary contributions towards educational visits. Pupils eligible for free "
        "school meals may have the cost of residential trips remitted.",
    ),
    (
        "medical-conditions",
        "policy",
        ["whole-school"],
        ["medical", "medicines"],
        "Supporting pupils with medical conditions",
        "Individual healthcare plans, administering medicines and staff training.",
        "Each pupil with a long-term condition such as asthma, epilepsy or diabetes has an "
        "individual healthcare plan. Medicines are stored in a locked cupboard and every dose is "
        "recorded.",
    ),
    (
        "whistleblowing",
        "policy",
        ["whole-school"],
        ["HR", "whistleblowing"],
        "Whistleblowing policy",
        "How staff raise concerns about wrongdoing, and the protection they have.",
        "Staff may raise a concern with the headteacher, the CEO or the chair of trustees. "
        "Concerns about safeguarding practice can also go to the NSPCC whistleblowing helpline.",
    ),
    (
        "staff-code-conduct",
        "policy",
        ["whole-school"],
        ["HR", "conduct"],
        "Staff code of conduct",
        "Expected standards of professional behaviour for everyone working in our schools.",
        "Staff do not contact pupils through personal social media. Dress is smart and practical. "
        "Gifts over £25 are declared.",
    ),
    (
        "teaching-learning-policy",
        "policy",
        ["whole-school"],
        ["teaching", "pedagogy"],
        "Teaching and learning policy",
        "Our shared principles of effective teaching, feedback and adaptive teaching.",
        "Lessons begin with retrieval practice. Teachers model, scaffold and check for "
        "understanding before independent work.",
    ),
    (
        "marking-feedback",
        "policy",
        ["KS1", "KS2"],
        ["feedback", "marking"],
        "Marking and feedback policy",
        "Verbal feedback, live marking and whole-class feedback sheets.",
        "Most feedback is given live in the lesson. Teachers use a whole-class feedback sheet "
        "instead of written comments in every book, which reduces workload.",
    ),
    (
        "homework-policy",
        "policy",
        ["KS1", "KS2"],
        ["homework", "parents"],
        "Homework policy",
        "What homework is set in each year group and how long it should take.",
        "Reading every night, spellings and times tables practice. In Year 6 there is a weekly "
        "arithmetic and grammar task to prepare for secondary school.",
    ),
    (
        "calculation-policy",
        "policy",
        ["KS1", "KS2"],
        ["maths", "calculation"],
        "Written calculation policy",
        "Progression in addition, subtraction, multiplication and division from Reception to "
        "Year 6.",
        "Concrete, pictorial, abstract. Column addition is introduced in Year 3; short division "
        "(the bus stop method) in Year 4 and long multiplication in Year 5.",
    ),
    (
        "handwriting-policy",
        "policy",
        ["EYFS", "KS1", "KS2"],
        ["handwriting", "English"],
        "Handwriting policy",
        "Letter formation, pre-cursive and joined handwriting from Reception onwards.",
        "Children learn letter families in Reception and begin joining in Year 2. Left-handed "
        "writers are seated on the left of a partner.",
    ),
    (
        "lettings-policy",
        "policy",
        ["whole-school"],
        ["premises", "lettings"],
        "Lettings policy",
        "Hiring the school hall and field to community groups.",
        "Hirers provide public liability insurance and their own safeguarding policy. Rates are "
        "reviewed each April.",
    ),
    (
        "health-safety-policy",
        "policy",
        ["whole-school"],
        ["health and safety", "premises"],
        "Health and safety policy",
        "Responsibilities, risk assessment, fire safety and first aid arrangements.",
        "Fire drills take place every term. The site manager checks fire doors weekly and records "
        "the results in the log book.",
    ),
    (
        "first-aid-policy",
        "policy",
        ["whole-school"],
        ["first aid", "medical"],
        "First aid policy",
        "Trained first aiders, the first aid boxes and recording injuries.",
        "Paediatric first aid trained staff are on every EYFS trip. Head bumps are reported to "
        "parents with a note the same day.",
    ),
    (
        "complaints-policy",
        "policy",
        ["whole-school"],
        ["complaints", "parents"],
        "Complaints procedure",
        "How parents raise a concern or complaint and the stages that follow.",
        "Most concerns are resolved informally with the class teacher. A formal complaint goes to "
        "the headteacher, then to a panel of trustees.",
    ),
    (
        "remote-learning",
        "policy",
        ["KS1", "KS2"],
        ["remote learning", "online"],
        "Remote education policy",
        "Learning from home during closures: what pupils receive and how.",
        "Pupils receive daily work through Google Classroom. Teachers record short explanation "
        "videos and check in with vulnerable families by telephone.",
    ),
    (
        "equality-policy",
        "policy",
        ["whole-school"],
        ["equality", "diversity"],
        "Equality, diversity and inclusion policy",
        "Our duties under the Equality Act 2010 and our equality objectives.",
        "We publish equality objectives every four years and monitor incidents of prejudice.",
    ),
    (
        "early-help",
        "policy",
        ["whole-school"],
        ["early help", "families"],
        "Early help offer",
        "Support for families before problems escalate, and how to refer.",
        "The family support worker completes an early help assessment with the family and "
        "arranges a team around the family meeting.",
    ),
    # --- Planning ---------------------------------------------------------------------------
    (
        "y3-place-value",
        "planning",
        ["KS2", "Y3"],
        ["maths", "place value"],
        "Year 3 place value unit plan",
        "Three weeks of lessons on hundreds, tens and ones with base ten resources.",
        "Pupils partition three-digit numbers, compare and order them and count in 50s and 100s. "
        "Each lesson has a fluency starter and a reasoning task.",
    ),
    (
        "y4-fractions",
        "planning",
        ["KS2", "Y4"],
        ["maths", "fractions"],
        "Y4 fractions medium term plan",
        "Equivalent fractions, fractions of amounts and decimal equivalents.",
        "Bar models are used throughout. Children find equivalent fractions with fraction walls "
        "and count in hundredths.",
    ),
    (
        "y6-ratio",
        "planning",
        ["KS2", "Y6"],
        ["maths", "ratio"],
        "Ratio and proportion planning, Year 6",
        "Two weeks on ratio, scale factors and unequal sharing.",
        "Pupils solve problems involving the relative sizes of two quantities and use scale "
        "factors to enlarge shapes.",
    ),
    (
        "y2-money",
        "planning",
        ["KS1", "Y2"],
        ["maths", "money"],
        "Year Two money unit",
        "Recognising coins and notes, making amounts and giving change.",
        "The classroom shop runs for the whole unit. Children combine coins to make 50p and find "
        "different ways to make £1.",
    ),
    (
        "y1-number-bonds",
        "planning",
        ["KS1", "Y1"],
        ["maths", "number bonds"],
        "Number bonds to 10 and 20 - Year 1 planning",
        "Part-whole models and ten frames for addition facts.",
        "Children use part-whole models, ten frames and rekenreks to learn number bonds within 10 "
        "and then within 20.",
    ),
    (
        "y5-persuasive-writing",
        "planning",
        ["KS2", "Y5"],
        ["English", "writing"],
        "Persuasive writing unit for Year 5",
        "Writing a persuasive letter to the council about the school's local park.",
        "Pupils identify persuasive devices, plan with a boxed-up structure and write a final "
        "letter. Grammar focus: modal verbs and relative clauses.",
    ),
    (
        "y3-stone-age",
        "planning",
        ["KS2", "Y3"],
        ["history", "Stone Age"],
        "Stone Age to Iron Age history topic, Yr 3",
        "Six history lessons on changes in Britain from the Stone Age to the Iron Age.",
        "Children handle replica artefacts, visit Skara Brae virtually and build an Iron Age "
        "roundhouse model.",
    ),
    (
        "y4-romans",
        "planning",
        ["KS2", "Y4"],
        ["history", "Romans"],
        "The Roman Empire and its impact on Britain - Year 4",
        "A history unit on the Roman invasion, Boudicca and Roman Britain.",
        "Pupils compare Roman and Celtic life and debate whether the Romans improved Britain.",
    ),
    (
        "y6-evolution",
        "planning",
        ["KS2", "Y6"],
        ["science", "evolution"],
        "Evolution and inheritance science planning Y6",
        "Fossils, adaptation and how living things change over time.",
        "Children study Darwin and Mary Anning and investigate how beak shape suits food.",
    ),
    (
        "y5-space",
        "planning",
        ["KS2", "Y5"],
        ["science", "space"],
        "Earth and space - Year 5 science unit",
        "The solar system, day and night, and the phases of the moon.",
        "Pupils model the movement of the Earth and Moon and record moon phases for a month.",
    ),
    (
        "ks1-geography-local",
        "planning",
        ["KS1"],
        ["geography", "fieldwork"],
        "Our local area: KS1 geography fieldwork",
        "Simple fieldwork and maps of the area around the school.",
        "Children draw simple maps, use compass directions and survey traffic outside school.",
    ),
    (
        "ks2-computing-scheme",
        "scheme-of-work",
        ["KS2"],
        ["computing", "coding"],
        "Computing scheme of work, Key Stage 2",
        "Coding, online safety and digital literacy units for Years 3 to 6.",
        "Pupils program in Scratch, debug algorithms and create presentations. Each year has an "
        "online safety unit.",
    ),
    (
        "music-scheme",
        "scheme-of-work",
        ["KS1", "KS2"],
        ["music", "singing"],
        "Music scheme of work",
        "Singing, listening and whole-class ukulele lessons from Year 1 to Year 6.",
        "Year 4 learn the ukulele for a term with the county music service.",
    ),
    (
        "pe-scheme",
        "scheme-of-work",
        ["KS1", "KS2"],
        ["PE", "sport"],
        "Physical education long term plan",
        "Two hours of PE a week: gymnastics, dance, games and swimming.",
        "Swimming takes place in Year 4. Pupils should swim 25 metres by the end of Year 6.",
    ),
    (
        "re-scheme",
        "scheme-of-work",
        ["KS1", "KS2"],
        ["RE", "religion"],
        "Religious education scheme following the agreed syllabus",
        "Units on Christianity, Islam, Sikhism and Hinduism.",
        "Pupils visit a gurdwara in Year 3 and a mosque in Year 5.",
    ),
    (
        "french-scheme",
        "scheme-of-work",
        ["KS2"],
        ["languages", "French"],
        "French scheme of work for lower and upper KS2",
        "Modern foreign languages: speaking, listening, reading and writing in French.",
        "Pupils learn greetings, numbers, colours and food, and write short descriptions.",
    ),
    (
        "art-design-scheme",
        "scheme-of-work",
        ["KS1", "KS2"],
        ["art", "design technology"],
        "Art and design technology curriculum map",
        "Drawing, painting, sculpture and DT projects for each year group.",
        "Year 2 make moving pictures with levers; Year 6 design and make a slipper.",
    ),
    (
        "phonics-long-term",
        "scheme-of-work",
        ["EYFS", "KS1"],
        ["phonics", "reading"],
        "Phonics progression: Reception and Year 1",
        "The order in which grapheme-phoneme correspondences are taught, phase by phase.",
        "Phase 2 begins in the second week of Reception. Phase 5 alternative spellings are taught "
        "in Year 1 before the phonics screening check in June.",
    ),
    (
        "spelling-scheme",
        "scheme-of-work",
        ["KS2"],
        ["spelling", "English"],
        "Spelling scheme Years 3 to 6",
        "Weekly spelling patterns, statutory word lists and etymology.",
        "Each week introduces a pattern such as the suffix -ous or words ending in -tion, with "
        "daily practice and a dictation on Friday.",
    ),
    (
        "reading-spine",
        "planning",
        ["KS1", "KS2"],
        ["reading", "books"],
        "Reading spine: class novels for every year",
        "The books read aloud to every class, chosen for diversity and challenge.",
        "From The Owl Who Was Afraid of the Dark in Year 1 to Holes in Year 6.",
    ),
    (
        "guided-reading-y6",
        "planning",
        ["KS2", "Y6"],
        ["reading", "comprehension"],
        "Whole-class guided reading planning, Year 6",
        "Daily reading lessons with vocabulary, retrieval and inference questions.",
        "Questions follow the VIPERS stems. Texts include extracts from Kensuke's Kingdom.",
    ),
    (
        "ppa-planning-template",
        "template",
        ["whole-school"],
        ["planning", "timetable"],
        "Weekly planning proforma",
        "The blank weekly plan teachers complete during planning time.",
        "One page per subject with learning objective, success criteria, adaptations for pupils "
        "with SEND and assessment notes. Completed plans are saved to the shared drive before "
        "Monday.",
    ),
    # --- Assessment ---------------------------------------------------------------------------
    (
        "ks2-sats-timetable",
        "assessment",
        ["KS2", "Y6"],
        ["SATs", "tests"],
        "Key Stage 2 SATs timetable and access arrangements",
        "Dates of the May tests and how to apply for extra time or a reader.",
        "The end of key stage 2 national curriculum tests take place in the second week of May. "
        "Applications for early opening and additional time close in March.",
    ),
    (
        "y6-sats-revision",
        "assessment",
        ["Y6"],
        ["revision", "tests"],
        "Year 6 test revision programme",
        "Six weeks of revision for the reading, grammar and maths papers.",
        "Morning booster groups run from February half term. Past papers are marked together "
        "and gaps fed into the revision timetable.",
    ),
    (
        "mtc-guidance",
        "assessment",
        ["Y4"],
        ["times tables", "maths"],
        "Multiplication tables check: guidance for Year 4 teachers",
        "How the statutory online check works and how to prepare pupils.",
        "Pupils answer 25 questions with six seconds for each. The check window is in June. Use "
        "the try-it-out area in the spring term.",
    ),
    (
        "phonics-screening",
        "assessment",
        ["Y1", "KS1"],
        ["phonics", "screening check"],
        "Phonics screening check administration",
        "Running the Year 1 phonics check, including pseudo-words and the threshold.",
        "Each child reads 40 words, half of them pseudo-words, to a familiar adult. Pupils who do "
        "not meet the expected standard retake it in Year 2.",
    ),
    (
        "ks1-teacher-assessment",
        "assessment",
        ["KS1", "Y2"],
        ["moderation", "writing"],
        "End of KS1 teacher assessment and moderation",
        "Assessing writing against the frameworks and the trust moderation timetable.",
        "Schools moderate three pieces of independent writing per pupil.",
    ),
    (
        "writing-moderation-ks2",
        "assessment",
        ["KS2"],
        ["moderation", "writing"],
        "Writing moderation pack for upper key stage two",
        "Exemplar pieces at working towards, expected and greater depth.",
        "Each piece is annotated against the teacher assessment framework statements.",
    ),
    (
        "assessment-policy",
        "policy",
        ["whole-school"],
        ["assessment", "tracking"],
        "Assessment policy",
        "Formative and summative assessment, data drops and pupil progress meetings.",
        "There are three data drops a year. Pupil progress meetings identify children who need "
        "catch-up or challenge.",
    ),
    (
        "reading-age-tracker",
        "assessment",
        ["KS2"],
        ["reading", "tracking"],
        "Reading age tracker spreadsheet",
        "A spreadsheet to record standardised reading scores and reading ages each term.",
        "Enter the raw score and date of birth; the sheet calculates the reading age and flags "
        "pupils more than a year behind.",
    ),
    (
        "maths-assessment-tracker",
        "assessment",
        ["KS1", "KS2"],
        ["maths", "tracking"],
        "Maths assessment tracker",
        "Tracking coverage of key objectives and termly test scores in mathematics.",
        "Teachers highlight objectives achieved and record the termly arithmetic and reasoning "
        "scores.",
    ),
    (
        "baseline-reception",
        "assessment",
        ["EYFS"],
        ["baseline", "Reception"],
        "Reception baseline assessment guidance",
        "The statutory check in the first six weeks of Reception.",
        "The RBA is a short, practical assessment of early maths, literacy, communication and "
        "language. Results are not shared with parents.",
    ),
    (
        "gps-tests",
        "assessment",
        ["KS2"],
        ["grammar", "spelling"],
        "Grammar, punctuation and spelling practice tests",
        "Termly practice papers for the GPS test with mark schemes.",
        "Papers cover word classes, subordinate clauses, apostrophes and the spelling list.",
    ),
    (
        "arithmetic-papers",
        "assessment",
        ["Y5", "Y6"],
        ["maths", "arithmetic"],
        "Arithmetic practice papers Years 5 and 6",
        "Weekly 30-question arithmetic papers building up to the test.",
        "Each paper includes long division, fractions and percentages of amounts.",
    ),
    # --- Training / CPD -----------------------------------------------------------------------
    (
        "ect-induction",
        "training-cpd",
        ["whole-school"],
        ["induction", "early career"],
        "Early career teacher induction programme",
        "The two-year induction for teachers new to the profession: mentoring and assessment.",
        "Early career teachers have a reduced timetable and a weekly meeting with their mentor. "
        "Progress reviews take place each term and formal assessments at the end of each year.",
    ),
    (
        "ect-mentor-handbook",
        "training-cpd",
        ["whole-school"],
        ["mentoring", "induction"],
        "Mentor handbook for the Early Career Framework",
        "Guidance for mentors supporting teachers in their first two years.",
        "Mentors observe a lesson each half term and set one focused target. The appropriate body "
        "quality-assures the induction.",
    ),
    (
        "inset-sept-agenda",
        "training-cpd",
        ["whole-school"],
        ["training day", "agenda"],
        "Training day agenda - September",
        "The programme for the first staff training day of the year.",
        "09:00 safeguarding update; 10:30 curriculum time in phase teams; 13:30 first aid "
        "refresher for lunchtime supervisors.",
    ),
    (
        "cpd-log",
        "training-cpd",
        ["whole-school"],
        ["professional development", "appraisal"],
        "Professional development log",
        "A record of courses, reading and coaching completed during the year.",
        "Staff log each training activity and reflect on its impact in their classroom, for use "
        "in appraisal meetings.",
    ),
    (
        "phonics-training",
        "training-cpd",
        ["EYFS", "KS1"],
        ["phonics", "reading"],
        "Phonics training for teaching assistants",
        "Delivering daily phonics lessons and keep-up sessions with fidelity to the scheme.",
        "Session one covers pure sounds and blending. Session two shows how to run same-day "
        "keep-up groups for children who did not grasp the sound.",
    ),
    (
        "safeguarding-training",
        "training-cpd",
        ["whole-school"],
        ["safeguarding", "training"],
        "Annual safeguarding training slides",
        "Whole-staff safeguarding update: signs of abuse, reporting and recording.",
        "Covers the four categories of abuse, child-on-child abuse, county lines and the Prevent "
        "duty. Every member of staff must complete the quiz afterwards.",
    ),
    (
        "prevent-training",
        "training-cpd",
        ["whole-school"],
        ["Prevent", "radicalisation"],
        "Prevent duty awareness briefing",
        "Recognising vulnerability to radicalisation and when to refer to Channel.",
        "Staff complete the Home Office e-learning module. Concerns go to the DSL.",
    ),
    (
        "autism-training",
        "training-cpd",
        ["whole-school"],
        ["autism", "SEND"],
        "Understanding autism in the classroom",
        "Training on autistic pupils' sensory needs, communication and anxiety.",
        "Practical strategies: visual timetables, now-and-next boards, low-arousal spaces and "
        "giving processing time.",
    ),
    (
        "adaptive-teaching-cpd",
        "training-cpd",
        ["whole-school"],
        ["adaptive teaching", "SEND"],
        "Adaptive teaching CPD session",
        "Scaffolding and adapting lessons so every pupil can access the curriculum.",
        "Move from differentiated worksheets to scaffolds that can be withdrawn: sentence "
        "stems, worked examples and pre-teaching vocabulary.",
    ),
    (
        "coaching-programme",
        "training-cpd",
        ["whole-school"],
        ["coaching", "instructional"],
        "Instructional coaching programme",
        "Fortnightly coaching cycles with a focused action step.",
        "A coach observes for fifteen minutes, agrees one action step and rehearses it with the "
        "teacher.",
    ),
    (
        "first-aid-training",
        "training-cpd",
        ["whole-school"],
        ["first aid", "training"],
        "Paediatric first aid course booking",
        "Dates and booking for the two-day paediatric first aid course.",
        "Required for staff working in Reception and nursery. The certificate lasts three years.",
    ),
    (
        "oracy-cpd",
        "training-cpd",
        ["KS1", "KS2"],
        ["oracy", "talk"],
        "Oracy in every classroom - staff training",
        "Talk routines, sentence stems and discussion guidelines.",
        "Teachers practise talk tactics and agree class discussion guidelines.",
    ),
    (
        "npqh-info",
        "training-cpd",
        ["whole-school"],
        ["leadership", "NPQ"],
        "National professional qualifications for leaders",
        "The NPQs available to staff, funding and how to apply.",
        "Qualifications in senior leadership, headship and SENCO (the NPQ for SENCOs) are funded "
        "for eligible schools.",
    ),
    (
        "ta-deployment",
        "training-cpd",
        ["whole-school"],
        ["teaching assistants", "deployment"],
        "Making best use of teaching assistants",
        "Guidance on deploying support staff and running interventions well.",
        "Teaching assistants should add value to what teachers do, not replace them. Structured "
        "interventions are delivered in short, regular sessions.",
    ),
    # --- SEND ----------------------------------------------------------------------------------
    (
        "sen-support-plan",
        "template",
        ["whole-school"],
        ["SEN support", "plan"],
        "SEN support plan template",
        "The one-page plan for pupils on SEN support: needs, outcomes and provision.",
        "Includes a one-page profile, what is important to the child, targets and the review "
        "date agreed with parents.",
    ),
    (
        "ehc-annual-review",
        "template",
        ["whole-school"],
        ["annual review", "EHC plan"],
        "Education, health and care plan annual review paperwork",
        "Forms and invitation letters for the annual review of an EHC plan.",
        "Send the invitation two weeks before the meeting. Collect views from the child, parents "
        "and professionals and send the report to the local authority within two weeks.",
    ),
    (
        "ehc-needs-assessment",
        "other",
        ["whole-school"],
        ["statutory assessment", "local authority"],
        "Requesting a statutory needs assessment",
        "When and how a school asks the local authority for an education, health and care needs "
        "assessment.",
        "Include evidence of two cycles of assess, plan, do, review and reports from the "
        "educational psychologist.",
    ),
    (
        "provision-map",
        "template",
        ["whole-school"],
        ["provision", "interventions"],
        "Provision map",
        "Whole-school map of interventions, group sizes, staff and costs.",
        "Each intervention lists entry and exit data so impact can be measured.",
    ),
    (
        "senco-handbook",
        "other",
        ["whole-school"],
        ["SENCO", "handbook"],
        "Handbook for new SENCOs",
        "The special educational needs co-ordinator's year: deadlines, meetings and paperwork.",
        "Termly SEN register review, annual review calendar and the local offer.",
    ),
    (
        "dyslexia-screening",
        "assessment",
        ["KS2"],
        ["dyslexia", "literacy"],
        "Dyslexia screening guidance",
        "Using a screener to identify pupils with dyslexic tendencies.",
        "Screen pupils who have had good phonics teaching but still struggle to decode. Share "
        "results with parents and plan support.",
    ),
    (
        "reading-intervention",
        "planning",
        ["KS1", "KS2"],
        ["intervention", "reading"],
        "Catch-up phonics intervention for older pupils",
        "A daily 20-minute programme for pupils in Years 2 to 6 who have not secured phonics.",
        "Pupils who did not pass the phonics check, or who read well below their age, work in "
        "groups of three with a trained adult. Progress is checked every six weeks.",
    ),
    (
        "precision-teaching",
        "planning",
        ["KS1", "KS2"],
        ["intervention", "fluency"],
        "Precision teaching for word reading",
        "A short daily one-to-one routine to build fluency with tricky words.",
        "One minute timed probes, charted daily, for children who find it hard to retain sight "
        "vocabulary.",
    ),
    (
        "sensory-circuits",
        "planning",
        ["whole-school"],
        ["sensory", "OT"],
        "Sensory circuit cards",
        "Alerting, organising and calming activities to start the day.",
        "Designed with the occupational therapist for pupils who struggle to settle.",
    ),
    (
        "speech-language",
        "other",
        ["EYFS", "KS1"],
        ["speech and language", "communication"],
        "Speech, language and communication needs toolkit",
        "Identifying SLCN and referring to speech and language therapy.",
        "Use the communication screener in Reception. Small-group language sessions run three "
        "times a week.",
    ),
    (
        "pupil-premium-strategy",
        "policy",
        ["whole-school"],
        ["disadvantaged", "funding"],
        "Pupil premium strategy statement",
        "How the school spends its funding for disadvantaged pupils and the impact.",
        "Priorities: high-quality teaching, targeted tutoring and attendance support for "
        "disadvantaged pupils.",
    ),
    (
        "behaviour-support-plan",
        "template",
        ["whole-school"],
        ["behaviour", "risk"],
        "Individual behaviour support plan",
        "Triggers, early warning signs and agreed responses for a pupil.",
        "Written with parents. Includes de-escalation strategies and any positive handling plan.",
    ),
    (
        "special-school-curriculum",
        "scheme-of-work",
        ["whole-school"],
        ["special school", "PMLD"],
        "Pre-formal curriculum for pupils with profound and multiple learning difficulties",
        "Our sensory, communication and physical curriculum in the special school.",
        "Learning is through routines, sensory stories and intensive interaction. Progress is "
        "recorded with the engagement model.",
    ),
    (
        "engagement-model",
        "assessment",
        ["whole-school"],
        ["engagement model", "special school"],
        "Using the engagement model",
        "Assessing pupils working below the standard of national curriculum tests.",
        "Five areas: exploration, realisation, anticipation, persistence and initiation.",
    ),
    # --- EYFS ---------------------------------------------------------------------------------
    (
        "eyfs-policy",
        "policy",
        ["EYFS"],
        ["early years", "Reception"],
        "Early years foundation stage policy",
        "Our approach to learning and development in nursery and Reception.",
        "Children learn through play, adult-led sessions and continuous provision. The seven "
        "areas of learning shape our curriculum.",
    ),
    (
        "continuous-provision",
        "planning",
        ["EYFS"],
        ["continuous provision", "play"],
        "Continuous provision planning for Reception",
        "Enhancements to the indoor and outdoor areas each week.",
        "Areas include construction, mark making, water, sand and the role-play area. Adults "
        "model language as they play alongside children.",
    ),
    (
        "learning-journals",
        "template",
        ["EYFS"],
        ["observations", "learning journal"],
        "Learning journal observation template",
        "Recording observations of children's learning for their learning journey.",
        "Note what the child did and said, the area of learning and the next step.",
    ),
    (
        "eyfs-profile",
        "assessment",
        ["EYFS"],
        ["EYFSP", "early learning goals"],
        "EYFS profile moderation",
        "Making and moderating end of Reception judgements against the early learning goals.",
        "Practitioners judge whether each child has met each of the 17 early learning goals. A "
        "good level of development is reported to the local authority.",
    ),
    (
        "transition-nursery",
        "other",
        ["EYFS"],
        ["transition", "home visits"],
        "Starting school: home visits and transition",
        "Welcoming new Reception children with home visits and stay-and-play sessions.",
        "Home visits take place in the first week of September before the staggered start.",
    ),
    (
        "outdoor-learning",
        "planning",
        ["EYFS", "KS1"],
        ["outdoor learning", "forest school"],
        "Forest school sessions",
        "Outdoor learning in the woodland area for Reception and Year 1.",
        "Risk-benefit assessment, fire safety and tool use. Sessions run whatever the weather.",
    ),
    (
        "fine-motor",
        "planning",
        ["EYFS"],
        ["fine motor", "handwriting"],
        "Fine motor skills activities",
        "Dough disco, threading and tweezers to build hand strength before writing.",
        "A daily ten-minute session helps children ready for handwriting.",
    ),
    # --- Safeguarding -------------------------------------------------------------------------
    (
        "concern-form",
        "template",
        ["whole-school"],
        ["safeguarding", "form"],
        "Safeguarding concern form",
        "Record a concern about a child's welfare and pass it to the DSL.",
        "Write down exactly what the child said, the date, time and who was present. Do not "
        "investigate. Hand the form to the designated safeguarding lead straight away.",
    ),
    (
        "lado-referral",
        "other",
        ["whole-school"],
        ["allegations", "LADO"],
        "Managing allegations against staff",
        "When to contact the local authority designated officer.",
        "Any allegation that an adult has harmed a child is reported to the headteacher, who "
        "contacts the LADO within one working day.",
    ),
    (
        "safer-recruitment",
        "policy",
        ["whole-school"],
        ["recruitment", "DBS"],
        "Safer recruitment procedures",
        "Checks before anyone starts work: references, DBS and the single central record.",
        "At least one member of every interview panel has safer recruitment training. The "
        "enhanced DBS check is completed before the start date.",
    ),
    (
        "kcsie-summary",
        "training-cpd",
        ["whole-school"],
        ["safeguarding", "statutory guidance"],
        "What's new in Keeping Children Safe in Education this year",
        "A two-page summary of changes to the statutory safeguarding guidance.",
        "Changes to filtering and monitoring responsibilities, children missing education and "
        "alternative provision.",
    ),
    (
        "online-safety-parents",
        "other",
        ["KS2"],
        ["online safety", "parents"],
        "E-safety guide for parents",
        "Setting up parental controls and talking to children about life online.",
        "Covers gaming, group chats, age ratings and what to do if your child sees something "
        "upsetting.",
    ),
    (
        "missing-child",
        "policy",
        ["whole-school"],
        ["missing child", "procedure"],
        "Missing child procedure",
        "What staff do if a child goes missing from school or on a trip.",
        "Search the site, inform the headteacher and call the police if the child is not found "
        "within fifteen minutes.",
    ),
    (
        "intimate-care",
        "policy",
        ["EYFS", "whole-school"],
        ["intimate care", "toileting"],
        "Intimate care policy",
        "Supporting pupils with toileting and personal care with dignity.",
        "Two adults where possible; each change is logged. Parents agree a personal care plan.",
    ),
    (
        "filtering-monitoring",
        "other",
        ["whole-school"],
        ["filtering", "online safety"],
        "Filtering and monitoring checklist",
        "The annual review of web filtering and monitoring for the DSL and IT provider.",
        "Check blocked categories, test alerts and record who receives monitoring reports.",
    ),
    # --- Forms, templates, minutes, other ----------------------------------------------------
    (
        "trip-risk-assessment",
        "template",
        ["whole-school"],
        ["trips", "risk assessment"],
        "Educational visit risk assessment pro-forma",
        "The form to complete before any trip off site.",
        "List the hazards, who might be harmed, control measures and staffing ratios. Submit to "
        "the educational visits coordinator three weeks before the trip.",
    ),
    (
        "residential-consent",
        "template",
        ["Y6"],
        ["residential", "consent"],
        "Residential trip consent and medical form",
        "Parental consent, medical details and dietary needs for the Year 6 residential.",
        "Return by half term with the deposit. Include any medicines the child will bring.",
    ),
    (
        "leave-of-absence",
        "template",
        ["whole-school"],
        ["absence", "holiday"],
        "Leave of absence request form",
        "Parents apply for leave in term time in exceptional circumstances.",
        "Holidays in term time are not authorised. The headteacher decides within ten days.",
    ),
    (
        "staff-absence-form",
        "template",
        ["whole-school"],
        ["staff absence", "HR"],
        "Staff absence request",
        "Requesting leave for appointments, family events or compassionate reasons.",
        "Submit to the school business manager at least a week ahead where possible.",
    ),
    (
        "lesson-observation-form",
        "template",
        ["whole-school"],
        ["observation", "feedback"],
        "Lesson observation proforma",
        "Developmental lesson visit record with strengths and one next step.",
        "Focus on pupils' learning rather than a grade. Agree the next step with the teacher.",
    ),
    (
        "accident-form",
        "template",
        ["whole-school"],
        ["first aid", "accidents"],
        "Accident and injury report form",
        "Recording an accident to a pupil, member of staff or visitor.",
        "Serious injuries are reported to the Health and Safety Executive under RIDDOR.",
    ),
    (
        "sip-template",
        "template",
        ["whole-school"],
        ["school improvement", "leadership"],
        "School development plan template",
        "Priorities, actions, success criteria and monitoring for the year.",
        "Three priorities, each with a lead, a budget and termly milestones reviewed by governors.",
    ),
    (
        "sef",
        "other",
        ["whole-school"],
        ["self-evaluation", "Ofsted"],
        "Self-evaluation form",
        "The school's evaluation of its own strengths and areas for development.",
        "Written against the inspection framework: quality of education, behaviour and "
        "attitudes, personal development, leadership.",
    ),
    (
        "ofsted-prep",
        "other",
        ["whole-school"],
        ["Ofsted", "inspection"],
        "Inspection readiness checklist",
        "What leaders need ready when the call comes.",
        "Single central record, safeguarding file, curriculum documents, attendance data and "
        "the school development plan.",
    ),
    (
        "governors-minutes",
        "minutes",
        ["whole-school"],
        ["governance", "local governing body"],
        "Local governing body minutes - spring term",
        "Minutes of the spring meeting of the local governing body.",
        "Governors discussed the budget, attendance figures and the link governor visit to "
        "the SEND department.",
    ),
    (
        "phase-meeting-minutes",
        "minutes",
        ["KS1"],
        ["meeting", "phase team"],
        "KS1 phase meeting minutes",
        "Notes from the weekly Key Stage 1 team meeting.",
        "Agreed the phonics groupings, the Year 2 trip to the zoo and cover for the training day.",
    ),
    (
        "wellbeing-charter",
        "policy",
        ["whole-school"],
        ["wellbeing", "workload"],
        "Staff wellbeing and workload charter",
        "Our commitments to reduce unnecessary workload and support staff wellbeing.",
        "No emails after 6pm or at weekends. Planning, preparation and assessment time is "
        "protected and never cancelled for cover.",
    ),
    (
        "ppa-cover-rota",
        "other",
        ["whole-school"],
        ["timetable", "cover"],
        "PPA cover rota",
        "Who covers each class during teachers' planning, preparation and assessment time.",
        "Sports coaches and the music teacher cover PPA on Tuesday and Thursday afternoons.",
    ),
    (
        "appraisal-policy",
        "policy",
        ["whole-school"],
        ["appraisal", "performance management"],
        "Appraisal policy for teachers",
        "Setting objectives, reviewing performance and pay progression.",
        "Each teacher has up to three objectives set in the autumn term and reviewed in July.",
    ),
    (
        "pay-policy",
        "policy",
        ["whole-school"],
        ["pay", "HR"],
        "Pay policy",
        "How pay is set for teachers and support staff.",
        "Pay progression is linked to the appraisal review. Allowances for TLRs are listed.",
    ),
    (
        "fire-evacuation",
        "other",
        ["whole-school"],
        ["fire", "evacuation"],
        "Fire evacuation plan",
        "Routes, assembly points and roles in a fire drill or evacuation.",
        "Class teachers take the register at the assembly point on the field.",
    ),
    (
        "lunchtime-rota",
        "other",
        ["whole-school"],
        ["lunchtime", "rota"],
        "Lunchtime supervision rota",
        "Midday supervisors' zones and duties each day.",
        "Two supervisors on the field and one in each dining hall.",
    ),
    (
        "parent-workshop-maths",
        "presentation",
        ["KS1"],
        ["parents", "maths"],
        "Maths workshop for parents of Key Stage One children",
        "Slides from our parents' evening on how we teach calculation.",
        "Shows number lines, part-whole models and games to play at home.",
    ),
    (
        "transition-y6-y7",
        "presentation",
        ["Y6"],
        ["transition", "secondary"],
        "Moving up to secondary school",
        "A presentation for Year 6 pupils and parents about starting Year 7.",
        "Covers timetables, travelling on the bus and making new friends.",
    ),
    (
        "climate-education",
        "planning",
        ["KS2"],
        ["sustainability", "geography"],
        "Climate change and sustainability lessons",
        "A cross-curricular unit on climate, recycling and the school eco-council.",
        "Pupils audit energy use around the school and present findings to the eco-council.",
    ),
    (
        "british-values",
        "other",
        ["whole-school"],
        ["British values", "SMSC"],
        "Promoting fundamental British values",
        "How democracy, the rule of law, liberty, respect and tolerance run through the "
        "curriculum.",
        "The school council election and assemblies on Remembrance and Black History Month.",
    ),
    (
        "smsc-map",
        "other",
        ["whole-school"],
        ["SMSC", "personal development"],
        "Spiritual, moral, social and cultural development map",
        "Where SMSC is planned across the curriculum and enrichment.",
        "Each subject leader lists two opportunities per year group.",
    ),
]

FILLER = {
    "policy": [
        "This policy is reviewed every two years by the trust board or sooner if legislation "
        "changes. It applies to all schools in the trust.",
        "Staff who have questions about this policy should speak to their headteacher. A copy "
        "is available on the school website and from the school office.",
        "The local governing body monitors how the policy is applied and reports to trustees.",
    ],
    "planning": [
        "Lessons are adapted so that every pupil can access the learning. Key vocabulary is "
        "displayed and revisited at the start of each session.",
        "Assessment for learning takes place throughout; the teacher notes pupils who need "
        "extra support or further challenge.",
        "Resources are stored in the shared planning folder for the phase.",
    ],
    "scheme-of-work": [
        "The scheme sets out the knowledge and skills taught in each year and how they build "
        "on earlier learning.",
        "Subject leaders review coverage every year and monitor books and pupil voice.",
    ],
    "assessment": [
        "Results are entered on the tracking system within a week and discussed at pupil "
        "progress meetings.",
        "Judgements are moderated within the school and across the trust.",
    ],
    "training-cpd": [
        "Please sign the attendance register. Slides and handouts are saved in the staff "
        "training folder afterwards.",
        "The session counts towards your professional development hours for the year.",
    ],
    "template": [
        "Complete every section. Save a copy in the pupil's file or the shared drive and send "
        "the original to the office.",
        "Ask the school office if you need a printed copy of this form.",
    ],
    "other": [
        "This document is for staff in trust schools. Contact the trust central team with any "
        "questions.",
        "Version control: check you are using the latest copy from the hub.",
    ],
    "minutes": [
        "Apologies were received and the minutes of the last meeting were agreed as accurate.",
    ],
    "presentation": [
        "Thank you for coming. The slides will be shared on the school website.",
    ],
}


def documents():
    """[{key, type, key_stages, tags, title, description, lines}] in a fixed order."""
    out = []
    for index, (key, rtype, stages, tags, title, summary, body) in enumerate(DOCS):
        fillers = FILLER[rtype]
        paragraphs = [summary, body, fillers[index % len(fillers)]]
        out.append(
            {
                "key": key,
                "type": rtype,
                "key_stages": stages,
                "tags": tags,
                "title": title,
                "description": summary,
                "lines": paragraphs,
            }
        )
    return out
