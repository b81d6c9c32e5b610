"""What a correct parse gives for the research fields of a generated letter, written by hand
from the wording the generator uses (never from iroparse's tables): the reviewer's
specialties, certification and years, each service's category and outcome, the notice date
and the review organisation.
"""

from __future__ import annotations

import re
from typing import Any

from tests.variety.content import Facts

#: The specialties a qualification line or sentence names, as the ABMS (and the licences) call
#: them; ``performed spine surgery`` is an activity, not a specialty.
SPECIALTIES: dict[str, tuple[str, ...]] = {
    "Board Certified in Physical Medicine and Rehabilitation": (
        "Physical Medicine and Rehabilitation",
    ),
    "Subspecialty Board Certified in Pain Medicine": ("Pain Medicine",),
    "Board Certified in Orthopaedic Surgery": ("Orthopaedic Surgery",),
    "Board Certified in Anesthesiology": ("Anesthesiology",),
    "Doctor of Chiropractic": ("Chiropractic",),
    "Board Certified in Neurological Surgery": ("Neurological Surgery",),
    "Licensed Psychologist": ("Psychology",),
    "Board Certified in Family Medicine": ("Family Medicine",),
    "Subspecialty Board Certified in Electrodiagnostic Medicine": ("Electrodiagnostic Medicine",),
    "Board Certified in Occupational Medicine": ("Occupational Medicine",),
    "The reviewer is board certified in Anesthesiology with a subspecialty certification in "
    "Pain Medicine and has been in active practice for more than fifteen years.": (
        "Anesthesiology",
        "Pain Medicine",
    ),
    "This reviewer is a Doctor of Chiropractic who has been licensed in the State of Texas "
    "since 1996 and maintains an active clinical practice.": ("Chiropractic",),
    "The physician reviewer is board certified by the American Board of Orthopaedic Surgery "
    "and has performed spine surgery for over twenty years.": ("Orthopaedic Surgery",),
}
#: Years stated in a qualification (``more than fifteen years``: 15).
YEARS = {"fifteen years": 15, "twenty years": 20}

#: The category of each service: its code's range where it cites one (the CPT sections and
#: HCPCS letters), else what its words are.
CATEGORIES: dict[str, str] = {
    "Lumbar epidural steroid injection at L4-5": "surgery_nervous_system",
    "Spinal cord stimulator trial": "surgery_nervous_system",
    "Electromyography and nerve conduction studies of the lower extremities": "medicine",
    "Physical therapy three times a week for four weeks": "physical_medicine",
    "MRI of the lumbar spine without contrast": "radiology",
    "Right knee arthroscopy with partial medial meniscectomy": "surgery_musculoskeletal",
    "Bilateral L4-5 and L5-S1 facet injections": "surgery_nervous_system",
    "Cervical fusion at C5-6": "surgery_musculoskeletal",
    "Chronic pain management program, 10 sessions": "physical_medicine",
    "Work hardening program": "physical_medicine",
    "Lyrica 75 mg #60": "drugs",
    "Botox injection, 100 units": "drugs",
    "Repeat lumbar MRI": "radiology",
    "Left shoulder arthroscopic rotator cuff repair": "surgery_musculoskeletal",
    "Individual psychotherapy, 6 sessions": "medicine",
    "Ketorolac injection": "drugs",
    "Sacroiliac joint injection under fluoroscopy": "surgery_musculoskeletal",
    "Transforaminal epidural steroid injection right L5": "surgery_nervous_system",
    "Bilateral lumbar facet injections at L4-5 and L5-S1": "surgery_nervous_system",
    "Lumbar epidural steroid injection with fluoroscopy": "surgery_nervous_system",
    "Electrodiagnostic studies of both arms": "medicine",
    "Anesthesia for the lumbar epidural injection": "anesthesia",
}
#: The name the record gives each organisation the generator writes.
IROS = {
    "Lone Star Review Services, LLC": "Lone Star Review Services",
    "Medical Review Institute of America": "Medical Review Institute of America",
    "CENTEX IRO": "Centex IRO",
    "Independent Resolutions Inc.": "Independent Resolutions",
    "Professional Associates": "Professional Associates",
}
#: Per service, in order, a partially overturned letter's analysis decides: the first is
#: medically necessary, the second is not.
PARTIAL = ("overturned", "upheld")

RESEARCH_FIELDS = ("specialties", "board_certified", "years", "categories", "outcomes")
RESEARCH_FIELDS += ("notice_date", "iro_name")


def expected_research(f: Facts, text: str) -> dict[str, Any]:
    """The research fields a correct parse of the letter ``text`` (made of ``f``) gives."""
    specialties = list(dict.fromkeys(s for q in f.qualifications for s in SPECIALTIES[q]))
    said = " ".join(f.qualifications)
    certified = True if re.search(r"(?i)board certified", said) else None
    years = next((n for words, n in YEARS.items() if words in said), None)
    outcomes = (
        list(PARTIAL) if f.outcome == "partially_overturned" else [f.outcome] * len(f.services)
    )
    notice = re.search(r"(?i)notice\s+sent", text) is not None
    found = [(text.lower().find(name.lower()), name) for name in IROS]
    written = [(at, name) for at, name in found if at >= 0]
    return {
        "specialties": specialties,
        "board_certified": certified,
        "years": years,
        "categories": [CATEGORIES[wording] for _, _, wording in f.services],
        "outcomes": outcomes,
        "notice_date": f.review_date.isoformat() if notice else None,
        "iro_name": IROS[min(written)[1]] if written else None,
    }


def actual_research(record: dict[str, Any]) -> dict[str, Any]:
    """The same fields, read from a parsed record."""
    reviewer = record.get("reviewer") or {}
    services = record.get("services") or []
    return {
        "specialties": [s["name"] for s in reviewer.get("specialties") or ()],
        "board_certified": reviewer.get("board_certified"),
        "years": reviewer.get("years_in_practice"),
        "categories": [s.get("category") for s in services],
        "outcomes": [s.get("outcome") for s in services],
        "notice_date": record.get("notice_date"),
        "iro_name": record.get("iro_name"),
    }
