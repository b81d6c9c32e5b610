"""The words the strategies write letters with.

Every phrase here is chosen so that a letter built from it is unambiguous for a correct
parser, wherever a wrapper breaks its lines: no narrative sentence states an outcome or a
patient's age or sex by accident, no line starts like a heading or a screening-criteria item,
no list item ends with a word that would join it to the next, and no word is longer than
:data:`MAX_WORD` characters. ``tests/test_roundtrip.py`` checks these promises.
"""

from __future__ import annotations

#: No word of the vocabulary (or of the canonical headings) is longer than this.
MAX_WORD = 14

#: Narrative sentences that state no outcome and nothing about the patient's age or sex.
SENTENCES: tuple[str, ...] = (
    "The claimant reported low back pain radiating into the left leg after lifting a box.",
    "Lumbar MRI showed a disc protrusion at L4-5 with mild foraminal narrowing.",
    "Conservative care included medications, activity modification and home exercise.",
    "Electrodiagnostic testing of the lower extremities was within normal limits.",
    "The treating physician recommended an epidural steroid injection at two levels.",
    "Physical therapy notes document twelve visits with little change in function.",
    "There is no documentation of a recent neurological examination.",
    "Pain scores ranged from six to eight out of ten during the last office visit.",
    "The records describe a self-limiting flare of symptoms during the winter months.",
    "A follow-up visit noted tenderness over the paraspinal muscles and the sacroiliac joint.",
    "The guidelines ask for objective evidence of radiculopathy before such a procedure.",
    "Imaging of the cervical spine demonstrated degenerative changes at several levels.",
    "Prior injections gave partial relief lasting about three weeks.",
    "The request was reviewed by the carrier and again on reconsideration.",
    "Functional capacity testing showed the claimant can perform light duty work.",
    "Opioid use has been stable, with a signed pain contract in the chart.",
    "The submitted notes do not include a plan for an active exercise program.",
    "Range of motion of the shoulder improved after the second month of therapy.",
    "Straight leg raising was negative on both sides at the most recent visit.",
    "A non-operative plan was discussed with the claimant at length.",
)

#: Opening sentences of the clinical history that state the patient's age and sex, with the
#: values the record should hold: ``{age}`` is replaced by a number or ``xx``.
PATIENT_OPENERS: tuple[tuple[str, str | None], ...] = (
    ("This is a {age}-year-old {word} who was injured at work.", "sex-word"),
    ("The claimant is a {age} year old {word} with a work injury.", "sex-word"),
    ("This {age}-year-old was injured while stocking shelves.", None),
)

#: Words that state the patient's sex, and the record's value for each.
SEX_WORDS: dict[str, str] = {"male": "male", "female": "female", "man": "male", "woman": "female"}

#: The opinion sentence the analysis may open with, by outcome; each agrees with its outcome.
OPINIONS: dict[str, str] = {
    "upheld": "Opinion: I agree with the benefit company's decision to deny the requested service.",
    "overturned": "Opinion: I disagree with the benefit company's decision to deny the service.",
    "partially_overturned": "Opinion: I agree in part with the decision on the requested services.",
}

#: Services in dispute (text before the codes).
SERVICES: tuple[str, ...] = (
    "Lumbar epidural steroid injection",
    "Right psoas block with fluoroscopy",
    "Physical therapy three times a week for four weeks",
    "Cervical MRI without contrast",
    "Chronic pain management program for twenty sessions",
    "Lumbar discectomy and fusion at L4-5 with two days of inpatient stay",
    "Work hardening program",
    "Botox chemodenervation injections",
    "Durable medical equipment",
    "Repeat electrodiagnostic studies of both lower extremities",
)

#: Reviewer qualifications.
QUALIFICATIONS: tuple[str, ...] = (
    "Board Certified in Anesthesiology",
    "Board Certified in Orthopaedic Surgery",
    "Subspecialty in Pain Management",
    "Board Certified in Physical Medicine and Rehabilitation",
    "Doctor of Chiropractic",
    "Board Certified in Neurological Surgery with more than ten years in practice",
    "Licensed in Texas",
)

#: Records provided to the IRO.
RECORDS: tuple[str, ...] = (
    "Office notes 01/02/2009 to 03/04/2009",
    "Lumbar MRI report 02/03/2009",
    "Carrier denial letters",
    "Physical therapy notes",
    "Request for an independent review",
    "Utilization review determinations dated 04/05/2009 and 04/20/2009",
    "Operative report of the prior injection",
    "Pharmacy ledger",
)

#: Citations written after a checked literature or "other" criterion.
CITATIONS: tuple[str, ...] = (
    "Chou R, et al. Interventional therapies for low back pain. Spine 2009.",
    "Manchikanti L, et al. Comprehensive evidence based guidelines for interventional"
    " techniques in chronic spinal pain. Pain Physician 2009.",
    "Journal of Bone and Joint Surgery review of lumbar fusion outcomes, 2008.",
    "Staal JB, et al. Injection therapy for subacute and chronic low back pain.",
    "Cochrane review of botulinum toxin for back pain, updated 2011.",
)

#: Running headers printed at the top of every page.
RUNNING_HEADERS: tuple[str, ...] = (
    "Lone Star Review Services, Inc.",
    "Specialty Independent Review Organization",
    "Confidential - Health Information",
)

#: Case-number shapes; ``#`` becomes a digit.
CASE_NUMBERS: tuple[str, ...] = ("M2-##-####-01", "#######", "IRO-####-####", "##-####")
