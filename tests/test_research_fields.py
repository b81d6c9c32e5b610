"""The research fields of schema version 2 (issue: specialty, per-service outcomes, service
categories, notice date, IRO, review type, coverage): golden values on the samples and on
letters written to show each rule, each value with the span it came from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import iroparse
from iroparse import plugins
from iroparse.model import Coverage, Outcome, ReviewType, Span

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "letters"


def sample(name: str) -> str:
    return (EXAMPLES / f"{name}_sample.txt").read_text(encoding="utf-8")


def spoken(text: str, span: Span | None) -> str:
    assert span is not None
    return span.slice(text)


def specialties(decision: iroparse.Decision) -> list[str]:
    return [s.name for s in decision.reviewer.specialties]


def codes(decision: iroparse.Decision) -> list[str]:
    return [d.code for d in decision.diagnostics]


# -- the seed letters ------------------------------------------------------------------


def test_bracket_letter_reviewer() -> None:
    text = sample("bracket")
    reviewer = iroparse.parse(text).reviewer
    assert [s.name for s in reviewer.specialties] == [
        "Physical Medicine and Rehabilitation",
        "Pain Medicine",
        "Electrodiagnostic Medicine",
    ]
    words = [spoken(text, s.span) for s in reviewer.specialties]
    assert words == [
        "Physical Medicine and Rehabilitation",
        "Pain Management",
        "Electrodiagnostic Medicine",
    ]
    assert reviewer.board_certified is True
    assert reviewer.years_in_practice is None


def test_trailing_x_letter_reviewer_and_service_category() -> None:
    text = sample("trailing-x")
    decision = iroparse.parse(text)
    assert specialties(decision) == ["Physical Medicine and Rehabilitation", "Pain Medicine"]
    (service,) = decision.services
    ((code),) = service.codes
    assert (code.code, code.system, spoken(text, code.span)) == ("64999", "CPT", "64999")
    assert service.category == "surgery_nervous_system"
    assert spoken(text, service.spans.category) == "64999"
    assert service.outcome is Outcome.UPHELD


def test_training_alone_is_not_a_specialty() -> None:
    text = sample("bracket").replace("Residency Training PMR and ORTHOPAEDIC SURGERY", "")
    assert specialties(iroparse.parse(sample("bracket"))) == specialties(iroparse.parse(text))
    certified = sample("bracket").replace(
        "Residency Training PMR", "Board certified in Orthopaedic Surgery. Residency in PMR"
    )
    assert "Orthopaedic Surgery" in specialties(iroparse.parse(certified))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Doctor of Chiropractic, licensed in Texas", ["Chiropractic"]),
        ("Board certified in Psychiatry and Neurology", ["Psychiatry and Neurology"]),
        ("Board certified neurosurgeon", ["Neurological Surgery"]),
        ("DPM, board certified in podiatric surgery", ["Podiatry"]),
        ("Licensed psychologist with 12 years of experience", ["Psychology"]),
        (
            "Board certified in Anesthesiology with subspecialty in Pain Medicine",
            ["Anesthesiology", "Pain Medicine"],
        ),
        ("Physical therapist (DPT)", ["Physical Therapy"]),
    ],
)
def test_specialty_vocabulary(words: str, expected: list[str]) -> None:
    text = sample("trailing-x").replace(
        "Physician Board Certified in Physical Medicine & Pain Management", words
    )
    assert specialties(iroparse.parse(text)) == expected


@pytest.mark.parametrize(
    ("words", "certified", "years"),
    [
        ("Board eligible in orthopaedic surgery", False, None),
        ("Orthopaedic surgeon in practice for over twenty-five years", None, 25),
        ("Diplomate of the American Board of Anesthesiology, 30 years of practice", True, 30),
        ("Orthopaedic surgeon, not board certified, with 8 yrs experience", False, 8),
    ],
)
def test_board_certification_and_years(words: str, certified: bool | None, years: int) -> None:
    text = sample("trailing-x").replace(
        "Physician Board Certified in Physical Medicine & Pain Management", words
    )
    reviewer = iroparse.parse(text).reviewer
    assert (reviewer.board_certified, reviewer.years_in_practice) == (certified, years)


def test_years_and_certification_keep_their_spans() -> None:
    text = sample("inline")
    decision = iroparse.parse(text)
    assert decision.reviewer.years_in_practice == 20
    assert spoken(text, decision.spans.years_in_practice) == "practice for over\ntwenty years"
    assert spoken(text, decision.spans.board_certified) == "board certified"


# -- services: codes, units, categories, outcomes ---------------------------------------------


def test_paren_letter_narrative_decides_each_service() -> None:
    text = sample("paren")
    decision = iroparse.parse(text)
    assert decision.outcome is Outcome.PARTIALLY_OVERTURNED
    therapy, hardening = decision.services
    assert (therapy.outcome, hardening.outcome) == (Outcome.UPHELD, Outcome.OVERTURNED)
    assert spoken(text, therapy.spans.outcome) == "Additional therapy is not supported"
    assert "work hardening program" in spoken(text, hardening.spans.outcome)
    assert (therapy.units, hardening.units) == (12, 10)
    assert spoken(text, hardening.spans.units) == "10 sessions"
    assert {therapy.category, hardening.category} == {"physical_medicine"}
    assert "service-outcome-unknown" not in codes(decision)


TWO_SERVICES = "Lumbar MRI (CPT 72148)\nLumbar epidural steroid injection (CPT 62311) x 2\n"


def _partial(services_and_outcome: str, analysis: str) -> str:
    text = sample("paren")
    head, rest = text.split("DESCRIPTION OF THE SERVICES IN DISPUTE\n", 1)
    _, rest = rest.split("DESCRIPTION OF THE QUALIFICATIONS", 1)
    text = head + "DESCRIPTION OF THE SERVICES IN DISPUTE\n" + services_and_outcome
    text += "\nDESCRIPTION OF THE QUALIFICATIONS" + rest
    before, after = text.split("Additional therapy is not supported", 1)
    _, after = after.split("with the carrier.", 1)
    return before + analysis + after


def test_services_table_decides_each_service() -> None:
    table = (
        "Service                                   CPT      Decision\n"
        "Lumbar MRI                                72148    Overturned\n"
        "Lumbar epidural steroid injection         62311    Upheld\n"
    )
    text = _partial(table, "The reviewer agrees in part and disagrees in part.")
    decision = iroparse.parse(text)
    assert [s.outcome for s in decision.services[-2:]] == [Outcome.OVERTURNED, Outcome.UPHELD]
    mri = decision.services[-2]
    assert spoken(text, mri.spans.outcome).endswith("72148    Overturned")


@pytest.mark.parametrize(
    ("header", "answers", "outcomes"),
    [
        ("Medically necessary", ("Yes", "No"), (Outcome.OVERTURNED, Outcome.UPHELD)),
        ("Reviewer Agrees with Denial?", ("No", "Yes"), (Outcome.OVERTURNED, Outcome.UPHELD)),
    ],
)
def test_a_yes_no_column_of_a_services_table_decides_each_service(
    header: str, answers: tuple[str, str], outcomes: tuple[Outcome, Outcome]
) -> None:
    """A Yes under ``Medically necessary`` overturns a service's denial; a Yes under
    ``Reviewer Agrees with Denial?`` upholds it."""
    table = (
        f"Procedure                                 Code     {header}\n"
        f"Lumbar MRI                                72148    {answers[0]}\n"
        f"Lumbar epidural steroid injection         62311    {answers[1]}\n"
    )
    text = _partial(table, "The reviewer agrees in part and disagrees in part.")
    decision = iroparse.parse(text)
    assert [s.text for s in decision.services[-2:]] == [
        "Lumbar MRI",
        "Lumbar epidural steroid injection",
    ]
    assert tuple(s.outcome for s in decision.services[-2:]) == outcomes


def test_ordinal_narrative_decides_each_service() -> None:
    text = _partial(
        TWO_SERVICES,
        "After review of the records, the first service is medically necessary, while the "
        "second is not.",
    )
    decision = iroparse.parse(text)
    mri, injection = decision.services
    assert (mri.outcome, injection.outcome) == (Outcome.OVERTURNED, Outcome.UPHELD)
    assert (mri.category, injection.category) == ("radiology", "surgery_nervous_system")
    assert injection.units == 2


def test_partial_letter_that_does_not_say_which_gives_null_and_a_diagnostic() -> None:
    text = _partial(TWO_SERVICES, "The request is reasonable in part.")
    decision = iroparse.parse(text)
    assert [s.outcome for s in decision.services] == [None, None]
    assert "service-outcome-unknown" in codes(decision)


def test_a_whole_outcome_decides_every_service() -> None:
    text = sample("leading-x")
    decision = iroparse.parse(text)
    assert decision.outcome is Outcome.OVERTURNED
    assert [s.outcome for s in decision.services] == [Outcome.OVERTURNED] * 2
    assert all(s.spans.outcome == decision.spans.outcome for s in decision.services)


@pytest.mark.parametrize(
    ("service", "expected"),
    [
        ("Norco 10/325 mg #60", (60, "drugs", [])),
        (
            "Lumbar support brace (HCPCS L0631)",
            (None, "orthotics_prosthetics", [("L0631", "HCPCS")]),
        ),
        (
            "Physical therapy 3x4 (CPT 97110); ICD-10: M54.5, M51.26",
            (
                12,
                "physical_medicine",
                [("97110", "CPT"), ("M54.5", "ICD-10"), ("M51.26", "ICD-10")],
            ),
        ),
        (
            "Office visit, diagnosis code 722.10",
            (None, "evaluation_management", [("722.10", "ICD-9")]),
        ),
        ("Psychological evaluation", (None, "medicine", [])),
    ],
)
def test_service_values(service: str, expected: tuple[object, ...]) -> None:
    text = sample("trailing-x").replace(
        "Sacral/Coccygeal Block under Anesthesia with Fluoro Guidance; Outpatient, CPT: 64999",
        service,
    )
    (found,) = iroparse.parse(text).services
    assert (found.units, found.category, [(c.code, c.system) for c in found.codes]) == expected
    for code in found.codes:
        assert spoken(text, code.span) == code.code


# -- the letter: notice date, IRO, review type, coverage ----------------------------------------


def test_notice_date_apart_from_the_review_date() -> None:
    text = sample("inline")
    decision = iroparse.parse(text)
    assert str(decision.notice_date) == "2015-12-02"
    assert spoken(text, decision.spans.notice_date) == "December 2, 2015"
    both = sample("bracket").replace(
        "IRO CASE #:", "DATE NOTICE SENT TO ALL PARTIES: Aug/14/2009\n\nIRO CASE #:"
    )
    decision = iroparse.parse(both)
    assert (str(decision.review_date), str(decision.notice_date)) == ("2009-08-10", "2009-08-14")
    assert iroparse.parse(sample("bracket")).notice_date is None


def test_iro_name_from_furniture_letterhead_and_normalised() -> None:
    text = sample("bracket")
    decision = iroparse.parse(text)
    assert decision.iro_name == "Applied Resolutions"
    assert spoken(text, decision.spans.iro_name) == "applied-resolutions"
    header = "Lone Star Review Services, LLC - Independent Review Decision\n"
    assert iroparse.parse(header + sample("paren")).iro_name == "Lone Star Review Services"
    letterhead = "ACME MEDICAL REVIEW, LLC\n1 Main Street\n\n" + sample("paren")
    assert iroparse.parse(letterhead).iro_name == "Acme Medical Review"


def test_iro_name_is_not_read_from_records_the_letter_quotes() -> None:
    text = sample("paren").replace(
        "- Functional capacity evaluation", "- Records from Professional Associates"
    )
    assert iroparse.parse(text).iro_name is None


@pytest.mark.parametrize(
    ("words", "expected", "diagnostic"),
    [
        ("This is a request for preauthorization.", ReviewType.PROSPECTIVE, None),
        (
            "This retrospective review concerns services already given.",
            ReviewType.RETROSPECTIVE,
            None,
        ),
        ("A prospective randomized study supports it.", None, None),
        ("This concurrent review follows a preauthorization.", None, "review-type-ambiguous"),
    ],
)
def test_review_type(words: str, expected: ReviewType | None, diagnostic: str | None) -> None:
    text = sample("paren").replace(
        "Additional therapy is not supported", words + " Therapy is not supported"
    )
    decision = iroparse.parse(text)
    assert decision.review_type is expected
    assert (
        (diagnostic in codes(decision))
        if diagnostic
        else "review-type-ambiguous" not in codes(decision)
    )


@pytest.mark.parametrize(
    ("words", "expected", "diagnostic"),
    [
        ("The injured worker strained his shoulder.", Coverage.WORKERS_COMPENSATION, None),
        ("The enrollee's HMO denied the request.", Coverage.HEALTH_PLAN, None),
        ("The injured worker's HMO denied it.", None, "coverage-ambiguous"),
        ("He strained his shoulder.", None, None),
    ],
)
def test_coverage(words: str, expected: Coverage | None, diagnostic: str | None) -> None:
    text = sample("trailing-x").replace(
        "Patient is a male who was injured after he slipped",
        words + " Patient is a male who slipped",
    )
    decision = iroparse.parse(text)
    assert decision.coverage is expected
    if diagnostic:
        assert diagnostic in codes(decision)


def test_the_checklist_naming_the_dwc_is_no_evidence_of_coverage() -> None:
    assert "DWC" in sample("trailing-x")
    assert iroparse.parse(sample("trailing-x")).coverage is None


def test_inline_letter_is_workers_compensation() -> None:
    text = sample("inline")
    decision = iroparse.parse(text)
    assert decision.coverage is Coverage.WORKERS_COMPENSATION
    assert spoken(text, decision.spans.coverage) == "WORKERS' COMPENSATION"


# -- the record ---------------------------------------------------------------------------------


def test_schema_version_2_record_and_a_version_1_record_still_reads() -> None:
    decision = iroparse.parse(sample("paren"))
    record = iroparse.to_dict(decision)
    assert record["schema_version"] == 2
    assert record["services"][0]["codes"][0] == {
        "code": "97110",
        "system": "CPT",
        "start": record["services"][0]["codes"][0]["start"],
        "end": record["services"][0]["codes"][0]["end"],
    }
    assert record["services"][1]["outcome"] == "overturned"
    assert record["reviewer"]["specialties"][0]["name"] == "Chiropractic"
    assert iroparse.from_dict(record) == decision
    version_1 = {
        k: v
        for k, v in record.items()
        if k not in {"notice_date", "iro_name", "review_type", "coverage", "reviewer"}
    }
    version_1["schema_version"] = 1
    version_1["services"] = [
        {"text": s["text"], "cpt_codes": s["cpt_codes"], "start": s["start"], "end": s["end"]}
        for s in record["services"]
    ]
    old = iroparse.from_dict(version_1)
    assert old.services[0].cpt_codes == ("97110", "97140")
    assert old.services[0].codes == () and old.services[0].outcome is None
    assert old.reviewer == iroparse.model.Reviewer() and old.notice_date is None


# -- vocabularies: plugins, spellings, what is not recognised ---------------------------------


class HyperbaricPlugin:
    """Adds a specialty the built-in vocabulary lacks."""

    @iroparse.hookimpl
    def iroparse_specialties(self, register: Callable[[str, str], None]) -> None:
        register("Undersea and Hyperbaric Medicine", r"(?:undersea\s+and\s+)?hyperbaric\s+medicine")


class BrokenSpecialtyPlugin:
    """Registers a specialty whose pattern does not compile."""

    @iroparse.hookimpl
    def iroparse_specialties(self, register: Callable[[str, str], None]) -> None:
        register("Broken", r"(unclosed")


def test_a_plugin_extends_the_specialty_vocabulary() -> None:
    text = sample("trailing-x").replace(
        "Physician Board Certified in Physical Medicine & Pain Management",
        "Board certified in Emergency Medicine and in Undersea and Hyperbaric Medicine",
    )
    assert specialties(iroparse.parse(text)) == ["Emergency Medicine"]
    plugin = HyperbaricPlugin()
    plugins.register_plugin(plugin)
    try:
        assert specialties(iroparse.parse(text)) == [
            "Emergency Medicine",
            "Undersea and Hyperbaric Medicine",
        ]
    finally:
        plugins.unregister_plugin(plugin)
    assert specialties(iroparse.parse(text)) == ["Emergency Medicine"]


def test_a_malformed_specialty_disables_its_plugin() -> None:
    plugin = BrokenSpecialtyPlugin()
    plugins.register_plugin(plugin)
    try:
        with pytest.warns(plugins.PluginWarning, match="specialty 'Broken' with a bad pattern"):
            disabled = plugins.registry().disabled
        assert any("BrokenSpecialtyPlugin" in name for name, _ in disabled)
        assert specialties(iroparse.parse(sample("bracket")))[0] == (
            "Physical Medicine and Rehabilitation"
        )
    finally:
        plugins.unregister_plugin(plugin)


@pytest.mark.parametrize(
    "header",
    [
        "Medical Review Institute of America, Inc. - Independent Review Decision",
        "MRIoA | Independent Review Decision",
        "www.mrioa.com",
    ],
)
def test_one_iro_written_several_ways_has_one_name(header: str) -> None:
    decision = iroparse.parse(header + "\n" + sample("paren"))
    assert decision.iro_name == "Medical Review Institute of America"


def test_unrecognised_qualifications_and_services_say_so() -> None:
    text = sample("trailing-x").replace(
        "Physician Board Certified in Physical Medicine & Pain Management",
        "Licensed in the State of Texas",
    )
    text = text.replace(
        "Sacral/Coccygeal Block under Anesthesia with Fluoro Guidance; Outpatient, CPT: 64999",
        "Outpatient item as requested",
    )
    decision = iroparse.parse(text)
    assert decision.reviewer.specialties == ()
    assert decision.services[0].category is None
    assert {"specialty-unknown", "service-category-unknown"} <= set(codes(decision))


def test_sqlite_output_indexes_the_research_tables(tmp_path: Path) -> None:
    import sqlite3

    from iroparse.outputs import open_writer

    path = tmp_path / "out.sqlite"
    with open_writer(path) as out:
        for result in iroparse.parse_many([EXAMPLES]):
            out.write(result)
    with sqlite3.connect(path) as db:
        indexed = {
            (table, tuple(c[2] for c in db.execute(f"PRAGMA index_info('{name}')")))
            for table in ("services", "codes", "specialties")
            for _, name, *_ in db.execute(f"PRAGMA index_list('{table}')")
        }
        foreign = db.execute("PRAGMA foreign_key_list('specialties')").fetchall()
        names = db.execute("SELECT DISTINCT name FROM specialties ORDER BY name").fetchall()
    assert ("specialties", ("name",)) in indexed
    assert ("services", ("category", "outcome")) in indexed
    assert ("codes", ("system", "code")) in indexed
    assert foreign[0][2] == "decisions"
    assert ("Pain Medicine",) in names


def test_an_unlisted_iro_is_named_by_its_certification_paragraph() -> None:
    text = sample("paren").replace(
        "Notice of Independent Review Decision",
        "Notice of Independent Review Decision\n\nAcme Medical Review has been certified by the "
        "Texas Department of Insurance as an independent review organization.",
    )
    decision = iroparse.parse(text)
    assert decision.iro_name == "Acme Medical Review"
    assert spoken(text, decision.spans.iro_name) == "Acme Medical Review"


def test_an_unreadable_notice_date_is_null_with_a_diagnostic() -> None:
    text = sample("bracket").replace(
        "IRO CASE #:", "DATE NOTICE SENT TO ALL PARTIES: soon\n\nIRO CASE #:"
    )
    decision = iroparse.parse(text)
    assert decision.notice_date is None
    assert str(decision.review_date) == "2009-08-10"
    assert "date-unreadable" in codes(decision)


def test_explain_shows_the_letters_own_values() -> None:
    from iroparse.explain import highlights

    text = sample("inline")
    names = {h.field: h for h in highlights(iroparse.parse(text))}
    assert {"notice_date", "coverage"} <= set(names)
    assert text[names["coverage"].start : names["coverage"].end] == "WORKERS' COMPENSATION"


@pytest.mark.parametrize(
    "analysis",
    [
        "The requested lumbar MRI is medically necessary. The requested physical therapy is "
        "not medically necessary.",
        "I agree with the denial of the physical therapy, but the MRI of the lumbar spine is "
        "indicated.",
        "CPT 72148: approved. CPT 97110: denied.",
    ],
)
def test_narratives_decide_services_by_their_words_or_codes(analysis: str) -> None:
    services = "Lumbar MRI (CPT 72148)\nPhysical therapy, 12 visits (CPT 97110)\n"
    decision = iroparse.parse(_partial(services, analysis))
    assert [s.outcome for s in decision.services] == [Outcome.OVERTURNED, Outcome.UPHELD]
    assert "service-outcome-unknown" not in codes(decision)


def test_a_board_written_as_its_acronym() -> None:
    text = sample("trailing-x").replace(
        "Physician Board Certified in Physical Medicine & Pain Management",
        "ABPMR certified, practicing 12 years",
    )
    reviewer = iroparse.parse(text).reviewer
    assert [s.name for s in reviewer.specialties] == ["Physical Medicine and Rehabilitation"]
    assert (reviewer.board_certified, reviewer.years_in_practice) == (True, 12)
