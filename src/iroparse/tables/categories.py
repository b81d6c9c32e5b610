"""Service categories: CPT code ranges, HCPCS level II letters, and the wording of a service
that cites no code.

A service's ``category`` is the category of its first procedure code (diagnosis codes do not
count); a service with no procedure code takes the category of the earliest words of
:data:`CATEGORY_WORDS` in its text. The codes of :data:`CATEGORY_LABELS` are what the record
and the outputs write; the labels are for tables and charts.
"""

from __future__ import annotations

__all__ = [
    "CATEGORY_LABELS",
    "CATEGORY_WORDS",
    "CPT_RANGES",
    "HCPCS_LETTERS",
    "category_of_code",
]

#: Every category code and its label.
CATEGORY_LABELS: dict[str, str] = {
    "evaluation_management": "Evaluation and management",
    "anesthesia": "Anesthesia",
    "surgery_integumentary": "Surgery: integumentary system",
    "surgery_musculoskeletal": "Surgery: musculoskeletal system",
    "surgery_respiratory": "Surgery: respiratory system",
    "surgery_cardiovascular": "Surgery: cardiovascular system",
    "surgery_hemic_lymphatic": "Surgery: hemic and lymphatic systems",
    "surgery_mediastinum_diaphragm": "Surgery: mediastinum and diaphragm",
    "surgery_digestive": "Surgery: digestive system",
    "surgery_urinary": "Surgery: urinary system",
    "surgery_male_genital": "Surgery: male genital system",
    "surgery_female_genital": "Surgery: female genital system",
    "surgery_maternity": "Surgery: maternity care and delivery",
    "surgery_endocrine": "Surgery: endocrine system",
    "surgery_nervous_system": "Surgery: nervous system (incl. spinal injections)",
    "surgery_eye": "Surgery: eye and ocular adnexa",
    "surgery_auditory": "Surgery: auditory system",
    "radiology": "Radiology and imaging",
    "pathology": "Pathology and laboratory",
    "medicine": "Medicine (diagnostics, psychiatry, other services)",
    "physical_medicine": "Physical medicine and rehabilitation",
    "chiropractic": "Chiropractic manipulation",
    "performance_measurement": "Performance measurement (CPT category II)",
    "emerging_technology": "Emerging technology (CPT category III)",
    "transport": "Ambulance and transport",
    "supplies": "Medical and surgical supplies",
    "enteral_parenteral": "Enteral and parenteral therapy",
    "hospital_outpatient": "Hospital outpatient services",
    "dental": "Dental procedures",
    "dme": "Durable medical equipment",
    "professional_services": "Procedures and professional services (HCPCS G)",
    "behavioral_health": "Behavioral health services",
    "drugs": "Drugs and medications",
    "orthotics_prosthetics": "Orthotics and prosthetics",
    "temporary_codes": "Temporary codes (HCPCS Q, S, T)",
    "vision_hearing": "Vision and hearing services",
    "facility": "Facility stay (inpatient, skilled nursing)",
}

#: ``(first, last, category)`` ranges of five-digit CPT codes; a narrower range listed before a
#: wider one wins (physical medicine inside medicine).
CPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (97010, 97799, "physical_medicine"),
    (98940, 98943, "chiropractic"),
    (99201, 99499, "evaluation_management"),
    (100, 1999, "anesthesia"),
    (10004, 19499, "surgery_integumentary"),
    (20005, 29999, "surgery_musculoskeletal"),
    (30000, 32999, "surgery_respiratory"),
    (33010, 37799, "surgery_cardiovascular"),
    (38100, 38999, "surgery_hemic_lymphatic"),
    (39000, 39599, "surgery_mediastinum_diaphragm"),
    (40490, 49999, "surgery_digestive"),
    (50010, 53899, "surgery_urinary"),
    (54000, 55899, "surgery_male_genital"),
    (55920, 58999, "surgery_female_genital"),
    (59000, 59899, "surgery_maternity"),
    (60000, 60699, "surgery_endocrine"),
    (61000, 64999, "surgery_nervous_system"),
    (65091, 68899, "surgery_eye"),
    (69000, 69979, "surgery_auditory"),
    (70010, 79999, "radiology"),
    (80047, 89398, "pathology"),
    (90281, 99607, "medicine"),
)

#: The category of a HCPCS level II code by its letter.
HCPCS_LETTERS: dict[str, str] = {
    "A": "supplies",
    "B": "enteral_parenteral",
    "C": "hospital_outpatient",
    "D": "dental",
    "E": "dme",
    "G": "professional_services",
    "H": "behavioral_health",
    "J": "drugs",
    "K": "dme",
    "L": "orthotics_prosthetics",
    "M": "medicine",
    "P": "pathology",
    "Q": "temporary_codes",
    "R": "radiology",
    "S": "temporary_codes",
    "T": "temporary_codes",
    "V": "vision_hearing",
}
#: HCPCS ``A0021``-``A0999`` are ambulance services, not supplies.
_AMBULANCE = range(21, 1000)

#: ``(category, pattern)``: the wording of a service without a code (``regex`` syntax, matched
#: at any case on whole words); the earliest match in the service's text wins.
CATEGORY_WORDS: tuple[tuple[str, str], ...] = (
    (
        "physical_medicine",
        r"physical\s+therapy|physiotherapy|occupational\s+therapy|work\s+hardening"
        r"|work\s+conditioning|(?:chronic\s+)?pain\s+management\s+program|functional\s+restoration"
        r"|aquatic\s+therapy|therapeutic\s+exercises?|(?-i:PT)\b|rehabilitation\s+program"
        r"|massage|traction",
    ),
    ("chiropractic", r"chiropractic|spinal\s+manipulation|manipulative\s+therapy"),
    (
        "radiology",
        r"MRI|magnetic\s+resonance|CT\s+(?:scan|of)|CAT\s+scan|computed\s+tomography|x-?rays?"
        r"|radiographs?|bone\s+scan|ultrasound|sonogram|myelogram|discogram|arthrogram|imaging",
    ),
    (
        "surgery_nervous_system",
        r"epidural|(?:facet|medial\s+branch|nerve|sympathetic|stellate|occipital|psoas|sacral"
        r"|coccygeal|sacroiliac|SI)\s+(?:joint\s+)?(?:blocks?|injections?)|nerve\s+blocks?"
        r"|radiofrequency|neurotomy|rhizotomy|spinal\s+cord\s+stimulator|neurostimulator"
        r"|intrathecal\s+pump|chemodenervation|laminectomy|laminotomy|foraminotomy"
        r"|decompression|blocks?",
    ),
    (
        "surgery_musculoskeletal",
        r"arthroscop(?:y|ic)|arthroplasty|fusion|discectomy|kyphoplasty|vertebroplasty"
        r"|meniscectomy|ORIF|joint\s+replacement|tendon\s+repair|rotator\s+cuff\s+repair"
        r"|trigger\s+point\s+injections?|joint\s+injections?|surgery|surgical",
    ),
    (
        "medicine",
        r"psychotherapy|psychological\s+(?:testing|evaluation|treatment)|biofeedback|EMG"
        r"|electromyograph\w*|nerve\s+conduction|NCV|NCS|electrodiagnostic|sleep\s+study"
        r"|acupuncture|counseling|behavioral\s+(?:therapy|treatment)|injections?",
    ),
    (
        "evaluation_management",
        r"office\s+visits?|consultations?|follow[-\s]up\s+visits?|evaluation\s+and\s+management"
        r"|functional\s+capacity\s+evaluation|FCE",
    ),
    (
        "dme",
        r"durable\s+medical\s+equipment|DME|wheelchair|walker|hospital\s+bed|CPAP|TENS"
        r"|cold\s+therapy\s+unit|interferential|(?:back|knee|lumbar)\s+brace|orthosis|brace",
    ),
    (
        "drugs",
        r"medications?|prescriptions?|tablets?|capsules?|\d+\s*mg|opioids?|gabapentin|Lyrica"
        r"|Neurontin|oxycodone|OxyContin|hydrocodone|Norco|tramadol|Ultram|Celebrex|Soma"
        r"|carisoprodol|Ambien|Cymbalta|duloxetine|Lidoderm|cyclobenzaprine|Flexeril|meloxicam"
        r"|naproxen|Percocet|Botox|compound(?:ed)?\s+cream",
    ),
    (
        "facility",
        r"inpatient\s+(?:stay|admission|days?)|length\s+of\s+stay|hospital\s+admission"
        r"|skilled\s+nursing|(?:inpatient|outpatient)\s+rehabilitation\s+facility",
    ),
)


def category_of_code(code: str, system: str) -> str | None:
    """The category of a procedure code, ``None`` for a diagnosis code or one outside every
    range.

    >>> category_of_code("64999", "CPT"), category_of_code("97110", "CPT")
    ('surgery_nervous_system', 'physical_medicine')
    >>> category_of_code("0275T", "CPT"), category_of_code("E0114", "HCPCS")
    ('emerging_technology', 'dme')
    """
    if system == "CPT":
        if code.endswith("F"):
            return "performance_measurement"
        if code.endswith("T"):
            return "emerging_technology"
        if code.endswith("U"):
            return "pathology"
        number = int(code)
        return next((cat for first, last, cat in CPT_RANGES if first <= number <= last), None)
    if system == "HCPCS":
        if code[0] == "A" and int(code[1:]) in _AMBULANCE:
            return "transport"
        return HCPCS_LETTERS.get(code[0])
    return None
