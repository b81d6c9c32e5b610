"""What a letter says: random facts drawn from tables of the wording real letters use.

Nothing here knows how iroparse reads a letter: the tables are written from real letters and
from the issues' descriptions of them, so the generator tests the parser rather than agreeing
with it.
"""

from __future__ import annotations

import datetime
import random
import textwrap

from attrs import frozen

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

#: (wording, code) pairs of services; ``None`` as code: no code cited.
SERVICES: tuple[tuple[str, str | None], ...] = (
    ("Lumbar epidural steroid injection at L4-5", "62311"),
    ("Spinal cord stimulator trial", "63650"),
    ("Electromyography and nerve conduction studies of the lower extremities", "95886"),
    ("Physical therapy three times a week for four weeks", "97110"),
    ("MRI of the lumbar spine without contrast", "72148"),
    ("Right knee arthroscopy with partial medial meniscectomy", "29881"),
    ("Bilateral L4-5 and L5-S1 facet injections", "64493"),
    ("Cervical fusion at C5-6", "22551"),
    ("Chronic pain management program, 10 sessions", None),
    ("Work hardening program", None),
    ("Lyrica 75 mg #60", None),
    ("Botox injection, 100 units", "J0585"),
    ("Repeat lumbar MRI", "72148"),
    ("Left shoulder arthroscopic rotator cuff repair", "29827"),
    ("Individual psychotherapy, 6 sessions", "90837"),
    ("Ketorolac injection", "J1885"),
    ("Sacroiliac joint injection under fluoroscopy", "27096"),
    ("Transforaminal epidural steroid injection right L5", "64483"),
)

#: How a clerk writes a code after the service, ``{c}`` the code: (template, class).
CODE_FORMS: tuple[str, ...] = (
    "{s}, CPT: {c}",
    "{s} - CPT code(s) {c}",
    "{s} ({c})",
    "{s} ({c} x 2)",
    "{s} CPT {c}-RT",
    "{s} #{c}",
    "{s}, CPT: {c} x 12 units",
    "{s} (CPT {c})",
)

#: Services cited with several codes, or a code a clerk writes with its leading zero, and the
#: forms they come in (``{s}`` the wording, ``{codes}`` the codes as the form joins them).
MULTI_CODE_SERVICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Bilateral lumbar facet injections at L4-5 and L5-S1", ("64475", "64476")),
    ("Lumbar epidural steroid injection with fluoroscopy", ("62310", "77003")),
    ("Electrodiagnostic studies of both arms", ("95886", "95911")),
    ("Anesthesia for the lumbar epidural injection", ("01992",)),
)
MULTI_CODE_FORMS: tuple[tuple[str, str], ...] = (
    # (form, how each code is written)
    ("{s}: {codes}", "{c}"),
    ("{s}, CPT {codes}", "{c}-50"),
    ("{s} {codes}", "{c}-50"),
    ("{s} - CPT code(s) {codes}", "{c}"),
    ("{s} {codes}", "#{c}"),
)

QUALIFICATION_LINES = (
    "Board Certified in Physical Medicine and Rehabilitation",
    "Subspecialty Board Certified in Pain Medicine",
    "Board Certified in Orthopaedic Surgery",
    "Board Certified in Anesthesiology",
    "Doctor of Chiropractic",
    "Board Certified in Neurological Surgery",
    "Licensed Psychologist",
    "Board Certified in Family Medicine",
    "Subspecialty Board Certified in Electrodiagnostic Medicine",
    "Board Certified in Occupational Medicine",
)
QUALIFICATION_SENTENCES = (
    "The reviewer is board certified in Anesthesiology with a subspecialty certification in "
    "Pain Medicine and has been in active practice for more than fifteen years.",
    "This reviewer is a Doctor of Chiropractic who has been licensed in the State of Texas "
    "since 1996 and maintains an active clinical practice.",
    "The physician reviewer is board certified by the American Board of Orthopaedic Surgery "
    "and has performed spine surgery for over twenty years.",
)

RECORDS = (
    "Request for review by an independent review organization",
    "Utilization review determinations dated {d1} and {d2}",
    "Office notes of the treating physician from {d1} through {d2}",
    "MRI of the lumbar spine dated {d1}",
    "Physical therapy notes, {d1} to {d2}",
    "Designated doctor evaluation dated {d1}",
    "Operative report dated {d1}",
    "Pharmacy records",
    "Peer review report dated {d2}",
    "Letter of medical necessity from the requesting provider",
)

HISTORY_SENTENCES = (
    "The patient was injured at work on {d1} when {mech}.",
    "An MRI showed {finding}.",
    "The patient has been treated with medications, physical therapy and activity "
    "modification without lasting relief.",
    "The treating physician requested {service_lower}.",
    "The request was denied by the carrier, and the denial was upheld on reconsideration.",
    "On examination there was tenderness over the paraspinal muscles and a positive straight "
    "leg raise on the right.",
    "Current medications include Hydrocodone, Gabapentin and Cyclobenzaprine.",
    "A designated doctor found the patient not at maximum medical improvement.",
)
MECHANISMS = (
    "lifting a heavy box",
    "he slipped and fell while exiting a vehicle",
    "she twisted her knee stepping off a loading dock",
    "a pallet fell on his shoulder",
)
FINDINGS = (
    "a 4 mm disc protrusion at L4-5 without stenosis",
    "a partial thickness supraspinatus tear",
    "mild degenerative changes and no neural compression",
    "a complex tear of the posterior horn of the medial meniscus",
)
ANALYSIS_UPHELD = (
    "The Official Disability Guidelines recommend this procedure only after a documented "
    "failure of conservative care, which the records do not show.",
    "There is no documentation of objective radiculopathy on examination or electrodiagnostic "
    "testing.",
    "Therefore the requested service is not medically necessary, and the prior denial is upheld.",
)
ANALYSIS_OVERTURNED = (
    "The records document more than six months of failed conservative care, including "
    "therapy and medications.",
    "The guidelines' criteria are met in this case, and the request is reasonable.",
    "Therefore the requested service is medically necessary, and the prior denial is overturned.",
)
ANALYSIS_PARTIAL = (
    "The first service is medically necessary, as the guidelines' criteria are met.",
    "The second service is not medically necessary, as the records do not support it.",
)
ANALYSIS_LEADS = ("", "Opinion: ", "Rationale: ", "The reviewer's rationale: ")

#: (code, printed label variants) of the checklist, in the statutory order.
CRITERIA: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "acoem",
        (
            "ACOEM-AMERICAN COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE",
            "ACOEM-AMERICA COLLEGE OF OCCUPATIONAL & ENVIRONMENTAL MEDICINE UM KNOWLEDGEBASE",
        ),
    ),
    (
        "ahcpr",
        (
            "AHCPR-AGENCY FOR HEALTHCARE RESEARCH & QUALITY GUIDELINES",
            "AHRQ-AGENCY FOR HEALTH CARE RESEARCH AND QUALITY GUIDELINES",
        ),
    ),
    ("dwc", ("DWC-DIVISION OF WORKERS COMPENSATION POLICIES OR GUIDELINES",)),
    ("european_low_back_pain", ("EUROPEAN GUIDELINES FOR MANAGEMENT OF CHRONIC LOW BACK PAIN",)),
    ("interqual", ("INTERQUAL CRITERIA",)),
    (
        "medical_judgement",
        (
            "MEDICAL JUDGEMENT, CLINICAL EXPERIENCE AND EXPERTISE IN ACCORDANCE WITH ACCEPTED "
            "MEDICAL STANDARDS",
            "MEDICAL JUDGMENT, CLINICAL EXPERIENCE, AND EXPERTISE IN ACCORDANCE WITH ACCEPTED "
            "MEDICAL STANDARDS",
        ),
    ),
    ("mercy_center", ("MERCY CENTER CONSENSUS CONFERENCE GUIDELINES",)),
    (
        "milliman",
        ("MILLIMAN CARE GUIDELINES", "MCG (FORMERLY MILLIMAN CARE GUIDELINES)"),
    ),
    ("odg", ("ODG-OFFICIAL DISABILITY GUIDELINES & TREATMENT GUIDELINES",)),
    ("pressley_reed", ("PRESSLEY REED, THE MEDICAL DISABILITY ADVISOR",)),
    (
        "texas_chiropractic",
        ("TEXAS GUIDELINES FOR CHIROPRACTIC QUALITY ASSURANCE & PRACTICE PARAMETERS",),
    ),
    ("texas_tacada", ("TEXAS TACADA GUIDELINES",)),
    ("tmf", ("TMF SCREENING CRITERIA MANUAL",)),
    (
        "peer_reviewed_literature",
        (
            "PEER REVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE (PROVIDE A DESCRIPTION)",
            "PEER ERVIEWED NATIONALLY ACCEPTED MEDICAL LITERATURE (PROVIDE A DESCRIPTION)",
        ),
    ),
    (
        "other_evidence_based",
        (
            "OTHER EVIDENCE BASED, SCIENTIFICALLY VALID, OUTCOME FOCUSED GUIDELINES (PROVIDE A "
            "DESCRIPTION)",
        ),
    ),
)


@frozen
class Facts:
    """What one letter says, before it is laid out."""

    outcome: str
    review_date: datetime.date
    case_number: str | None
    services: tuple[tuple[str, tuple[str, ...], str], ...]
    """(printed text, codes, wording without its codes) of each service."""
    qualifications: tuple[str, ...]
    records: tuple[str, ...]
    history: str
    analysis: str
    age: int | None
    sex: str | None
    criteria: tuple[tuple[str, str, bool], ...]
    """(code, printed label, checked) of each checklist item."""


def _date(rng: random.Random) -> datetime.date:
    return datetime.date(rng.randint(2005, 2019), rng.randint(1, 12), rng.randint(1, 28))


#: The forms records lists write dates in, the common one first and most often.
DATE_FORMS = ("%m/%d/%Y", "%m/%d/%Y", "%m/%d/%Y", "%m/%Y", "%B %d, %Y", "%m-%d-%Y", "%b %d, %Y")


def short_date(rng: random.Random) -> str:
    """A date as records lists write it."""
    return _date(rng).strftime(rng.choice(DATE_FORMS))


def _service(rng: random.Random, code_forms: bool) -> tuple[str, tuple[str, ...], str]:
    if code_forms and rng.random() < 0.25:
        wording, codes = rng.choice(MULTI_CODE_SERVICES)
        form, each = rng.choice(MULTI_CODE_FORMS)
        printed = form.format(s=wording, codes=", ".join(each.format(c=c) for c in codes))
        return printed, codes, wording
    wording, code = rng.choice(SERVICES)
    if code is None:
        return wording, (), wording
    form = rng.choice(CODE_FORMS) if code_forms else "{s}, CPT: {c}"
    if code[0].isalpha() and "CPT" in form:
        form = form.replace("CPT", "HCPCS")
    return form.format(s=wording, c=code), (code,), wording


def _narrative(rng: random.Random, sentences: tuple[str, ...], count: int, **values: str) -> str:
    chosen = rng.sample(sentences, min(count, len(sentences)))
    return " ".join(s.format(**values) for s in chosen)


def facts(rng: random.Random, *, code_forms: bool, wrapped_lists: bool) -> Facts:
    """Random facts of one letter."""
    outcome = rng.choice(("upheld", "upheld", "overturned", "partially_overturned"))
    count = 2 if outcome == "partially_overturned" else rng.choice((1, 1, 2))
    services = tuple(_service(rng, code_forms) for _ in range(count))
    if wrapped_lists and rng.random() < 0.6:
        qualifications: tuple[str, ...] = (rng.choice(QUALIFICATION_SENTENCES),)
    else:
        qualifications = tuple(rng.sample(QUALIFICATION_LINES, rng.randint(1, 3)))
    records = tuple(
        r.format(d1=short_date(rng), d2=short_date(rng))
        for r in rng.sample(RECORDS, rng.randint(0, 6))
    )
    age = rng.choice((None, rng.randint(22, 70)))
    sex = rng.choice(("male", "female"))
    noun = {"male": rng.choice(("man", "male")), "female": rng.choice(("woman", "female"))}[sex]
    who = f"{age}-year-old" if age is not None else rng.choice(("xx-year-old", "***-year-old"))
    opening = f"This is a {who} {noun} who was injured at work."
    history = " ".join(
        [
            opening,
            _narrative(
                rng,
                HISTORY_SENTENCES,
                rng.randint(2, 5),
                d1=short_date(rng),
                mech=rng.choice(MECHANISMS),
                finding=rng.choice(FINDINGS),
                service_lower=services[0][2].split(",")[0].lower(),
            ),
        ]
    )
    body = {
        "upheld": ANALYSIS_UPHELD,
        "overturned": ANALYSIS_OVERTURNED,
        "partially_overturned": ANALYSIS_PARTIAL,
    }[outcome]
    analysis = rng.choice(ANALYSIS_LEADS) + " ".join(body)
    checked = set(rng.sample([c for c, _ in CRITERIA], rng.randint(1, 3)))
    criteria = tuple((code, rng.choice(labels), code in checked) for code, labels in CRITERIA)
    case = rng.choice((None, f"{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"))
    return Facts(
        outcome,
        _date(rng),
        case,
        services,
        qualifications,
        records,
        history,
        analysis.strip(),
        age,
        sex,
        criteria,
    )


def date_text(rng: random.Random, day: datetime.date) -> str:
    """A review date as letters write it."""
    forms = (
        day.strftime("%b/%d/%Y"),
        day.strftime("%m/%d/%Y"),
        f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{MONTHS[day.month - 1]} {day.day:02d}, {day.year}",
    )
    return rng.choice(forms)


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped as a word processor would."""
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
