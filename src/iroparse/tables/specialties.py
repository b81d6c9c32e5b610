"""The reviewer specialties: the ABMS member boards and the subspecialties IRO reviewers hold,
and the other licences that review (chiropractic, dentistry, podiatry, psychology, therapy...).

Each :class:`SpecialtyEntry` names one specialty and the pattern of the words letters write it
with (``regex`` syntax, matched case-insensitively on whole words; abbreviations such as
``PM&R`` are in the pattern too). Where two entries overlap, the longest words win:
``Physical Medicine and Rehabilitation`` is one specialty, not two. An entry names a board, a
subspecialty or a licence, never an activity: ``has performed spine surgery`` or ``hand
surgery`` names no specialty (spine surgery is no board; the hand's is ``Surgery of the
Hand``).
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["SPECIALTIES", "SpecialtyEntry"]


@frozen
class SpecialtyEntry:
    """One specialty of the vocabulary: its name and the words that name it."""

    name: str
    """The name the record gives (``Pain Medicine``)."""
    pattern: str
    """A ``regex`` pattern of the ways letters write it, matched at any case on whole words."""


_AND = r"\s*(?:and|&)\s*"

#: The vocabulary, member boards first, then subspecialties, then the other licences.
SPECIALTIES: tuple[SpecialtyEntry, ...] = (
    # -- ABMS member boards -------------------------------------------------------------------
    SpecialtyEntry("Allergy and Immunology", rf"allergy(?:{_AND}immunology)?|immunology"),
    SpecialtyEntry("Anesthesiology", r"an(?:a)?esthesi(?:ology|ologist|a)"),
    SpecialtyEntry("Colon and Rectal Surgery", rf"colon{_AND}rectal\s+surg(?:ery|eon)"),
    SpecialtyEntry("Dermatology", r"dermatolog(?:y|ist)"),
    SpecialtyEntry("Emergency Medicine", r"emergency\s+medicine|emergency\s+physician"),
    SpecialtyEntry("Family Medicine", r"family\s+(?:medicine|practice|physician)"),
    SpecialtyEntry("Internal Medicine", r"internal\s+medicine|internist"),
    SpecialtyEntry("Medical Genetics", r"medical\s+genetics(?:\s+and\s+genomics)?"),
    SpecialtyEntry("Neurological Surgery", r"neurological\s+surg(?:ery|eon)|neurosurg(?:ery|eon)"),
    SpecialtyEntry("Nuclear Medicine", r"nuclear\s+medicine"),
    SpecialtyEntry(
        "Obstetrics and Gynecology",
        rf"obstetrics{_AND}gyn(?:a)?ecology|(?-i:OB\s*/\s*GYN)|gyn(?:a)?ecolog(?:y|ist)|obstetrics",
    ),
    SpecialtyEntry("Ophthalmology", r"ophthalmolog(?:y|ist)"),
    SpecialtyEntry(
        "Orthopaedic Surgery",
        r"orthop(?:a)?edic(?:s|\s+surg(?:ery|eon))?|orthop(?:a)?edist",
    ),
    SpecialtyEntry(
        "Otolaryngology",
        # the board's full name: ``Otolaryngology - Head and Neck Surgery``
        rf"otolaryngology\s*[-–—]?\s*head{_AND}neck\s+surgery|otolaryngolog(?:y|ist)"
        r"|otorhinolaryngology|(?-i:ENT)(?=\s|$|[,;.])",
    ),
    SpecialtyEntry("Pathology", r"patholog(?:y|ist)"),
    SpecialtyEntry("Pediatrics", r"p(?:a)?ediatric(?:s|ian)?(?!\s+(?:surg|neuro|psych))"),
    SpecialtyEntry(
        "Physical Medicine and Rehabilitation",
        rf"physical\s+medicine(?:{_AND}rehabilitation)?|physiatr(?:y|ist)|(?-i:PM\s*&\s*R|PMR)"
        r"|physical\s+(?:medicine\s+)?rehabilitation\s+medicine",
    ),
    SpecialtyEntry("Plastic Surgery", r"plastic(?:\s+and\s+reconstructive)?\s+surg(?:ery|eon)"),
    SpecialtyEntry("Preventive Medicine", r"preventive\s+medicine|public\s+health"),
    SpecialtyEntry("Psychiatry", r"psychiatr(?:y|ist)(?!\s+and\s+neurology)"),
    SpecialtyEntry("Neurology", r"neurolog(?:y|ist)(?!\s*surg)"),
    SpecialtyEntry("Psychiatry and Neurology", rf"psychiatry{_AND}neurology"),
    SpecialtyEntry("Radiology", r"(?:diagnostic\s+)?radiolog(?:y|ist)"),
    SpecialtyEntry(
        "Surgery",
        r"general\s+surg(?:ery|eon)|board\s+of\s+surgery|certified\s+in\s+surgery\b(?!\s+of)",
    ),
    SpecialtyEntry("Thoracic Surgery", r"(?:cardio)?thoracic\s+surg(?:ery|eon)"),
    SpecialtyEntry("Urology", r"urolog(?:y|ist)"),
    # -- the member boards by their acronyms (``ABPMR certified``; not ABEM, which both the
    # emergency and the electrodiagnostic boards use) --------------------------------------
    SpecialtyEntry("Physical Medicine and Rehabilitation", r"(?-i:ABPMR|ABPM&R)"),
    SpecialtyEntry("Orthopaedic Surgery", r"(?-i:ABOS)"),
    SpecialtyEntry("Psychiatry and Neurology", r"(?-i:ABPN)"),
    SpecialtyEntry("Family Medicine", r"(?-i:ABFM|ABFP)"),
    SpecialtyEntry("Internal Medicine", r"(?-i:ABIM)"),
    SpecialtyEntry("Anesthesiology", r"(?-i:ABA)"),
    SpecialtyEntry("Neurological Surgery", r"(?-i:ABNS)"),
    SpecialtyEntry("Radiology", r"(?-i:ABR)"),
    # -- subspecialties ------------------------------------------------------------------------
    SpecialtyEntry(
        "Pain Medicine",
        r"pain\s+(?:medicine|management)|interventional\s+pain(?:\s+management)?|algology",
    ),
    SpecialtyEntry("Electrodiagnostic Medicine", r"electrodiagnostic\s+medicine|electrodiagnosis"),
    SpecialtyEntry("Sports Medicine", r"sports\s+medicine"),
    SpecialtyEntry("Spinal Cord Injury Medicine", r"spinal\s+cord\s+injury\s+medicine"),
    SpecialtyEntry("Brain Injury Medicine", r"brain\s+injury\s+medicine"),
    SpecialtyEntry("Hospice and Palliative Medicine", rf"(?:hospice{_AND})?palliative\s+medicine"),
    SpecialtyEntry("Addiction Medicine", r"addiction\s+(?:medicine|psychiatry)"),
    SpecialtyEntry("Sleep Medicine", r"sleep\s+medicine"),
    SpecialtyEntry("Clinical Neurophysiology", r"clinical\s+neurophysiology"),
    SpecialtyEntry("Neuromuscular Medicine", r"neuromuscular\s+medicine"),
    SpecialtyEntry("Occupational Medicine", r"occupational\s+medicine"),
    SpecialtyEntry("Cardiology", r"cardiolog(?:y|ist)|cardiovascular\s+disease"),
    SpecialtyEntry("Gastroenterology", r"gastroenterolog(?:y|ist)"),
    SpecialtyEntry("Nephrology", r"nephrolog(?:y|ist)"),
    SpecialtyEntry("Pulmonary Disease", r"pulmonary\s+(?:disease|medicine)|pulmonolog(?:y|ist)"),
    SpecialtyEntry("Rheumatology", r"rheumatolog(?:y|ist)"),
    SpecialtyEntry("Endocrinology", r"endocrinolog(?:y|ist)"),
    SpecialtyEntry("Hematology", r"h(?:a)?ematolog(?:y|ist)"),
    SpecialtyEntry("Medical Oncology", r"(?:medical\s+)?oncolog(?:y|ist)"),
    SpecialtyEntry("Infectious Disease", r"infectious\s+diseases?"),
    SpecialtyEntry("Geriatric Medicine", r"geriatric(?:s|\s+medicine)"),
    SpecialtyEntry("Critical Care Medicine", r"critical\s+care(?:\s+medicine)?"),
    SpecialtyEntry("Interventional Radiology", r"(?:vascular\s+and\s+)?interventional\s+radiology"),
    SpecialtyEntry("Neuroradiology", r"neuroradiolog(?:y|ist)"),
    SpecialtyEntry("Hand Surgery", r"surgery\s+of\s+the\s+hand|hand\s+surgeon"),
    SpecialtyEntry("Vascular Surgery", r"vascular\s+surg(?:ery|eon)"),
    SpecialtyEntry("Child and Adolescent Psychiatry", rf"child{_AND}adolescent\s+psychiatry"),
    SpecialtyEntry("Forensic Psychiatry", r"forensic\s+psychiatry"),
    # -- other licences ------------------------------------------------------------------------
    SpecialtyEntry(
        "Chiropractic",
        r"chiropract(?:ic|or)|doctor\s+of\s+chiropractic|(?-i:D\.\s?C\.|DC)(?=\s|$|,)",
    ),
    SpecialtyEntry(
        "Dentistry", r"dentist(?:ry)?|dental\s+surgery|(?-i:D\.?D\.?S|D\.?M\.?D)\.?(?=\s|$|,)"
    ),
    SpecialtyEntry("Oral and Maxillofacial Surgery", rf"oral{_AND}maxillofacial\s+surg(?:ery|eon)"),
    SpecialtyEntry(
        "Podiatry", r"podiatr(?:y|ist|ic\s+(?:medicine|surgery))|(?-i:D\.?P\.?M)\.?(?=\s|$|,)"
    ),
    SpecialtyEntry("Psychology", r"psycholog(?:y|ist)|neuropsycholog(?:y|ist)"),
    SpecialtyEntry(
        "Physical Therapy",
        r"physical\s+therap(?:y|ist)|physiotherap(?:y|ist)|(?-i:D\.?P\.?T)\.?(?=\s|$|,)",
    ),
    SpecialtyEntry("Occupational Therapy", r"occupational\s+therap(?:y|ist)"),
    SpecialtyEntry("Optometry", r"optometr(?:y|ist)"),
    SpecialtyEntry(
        "Nursing", r"registered\s+nurse|nurse\s+practitioner|nursing|(?-i:R\.?N)\.?(?=\s|$|,)"
    ),
    SpecialtyEntry("Pharmacy", r"pharmac(?:y|ist)|Pharm\.?\s?D\.?"),
    SpecialtyEntry("Acupuncture", r"acupunctur(?:e|ist)"),
    SpecialtyEntry("Audiology", r"audiolog(?:y|ist)"),
    SpecialtyEntry(
        "Speech-Language Pathology", r"speech(?:\s*[-/]\s*|\s+)language\s+patholog(?:y|ist)"
    ),
    SpecialtyEntry("Social Work", r"social\s+work(?:er)?|(?-i:L\.?C\.?S\.?W)\.?(?=\s|$|,)"),
    SpecialtyEntry("Counseling", r"professional\s+counsel(?:or|ing)|(?-i:L\.?P\.?C)\.?(?=\s|$|,)"),
)
