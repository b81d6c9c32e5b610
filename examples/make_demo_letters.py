"""Write a folder of synthetic IRO letters, to try the examples on more than two letters.

    python examples/make_demo_letters.py demo-letters [--count 120] [--seed 1]

The letters are invented: each is a random decision (outcome, reviewer, services, checked
criteria) written by one of the built-in layouts' ``render``, the same way the layouts
gallery of the docs is made. Some specialties and guidelines are made more likely to
overturn a denial than others, so the overturn-rate chart has something to show.
"""

from __future__ import annotations

import argparse
import datetime
import random
from pathlib import Path

import iroparse
from iroparse import Criterion, Decision, ListItem, Outcome, Patient, Service
from iroparse.catalogue import CRITERIA

SPECIALTIES = {  # qualification line: chance that the reviewer overturns the denial
    "Board Certified in Orthopaedic Surgery": 0.20,
    "Board Certified in Physical Medicine and Rehabilitation": 0.30,
    "Board Certified in Anesthesiology": 0.35,
    "Board Certified in Neurology": 0.25,
    "Doctor of Chiropractic": 0.55,
}
GUIDELINE_SHIFT = {"odg": -0.10, "acoem": -0.05, "peer_reviewed_literature": 0.20}
SERVICES = [
    ("Lumbar epidural steroid injection", "62311"),
    ("MRI of the lumbar spine", "72148"),
    ("Physical therapy, 12 sessions", "97110"),
    ("Chiropractic manipulation", "98941"),
    ("Botox chemodenervation", "64614"),
]


def random_decision(rng: random.Random) -> Decision:
    """One invented decision whose outcome depends on its reviewer and guidelines."""
    qualification = rng.choice(list(SPECIALTIES))
    checked = {"medical_judgement", rng.choice(["odg", "acoem", "peer_reviewed_literature"])}
    chance = SPECIALTIES[qualification] + sum(GUIDELINE_SHIFT.get(code, 0) for code in checked)
    roll = rng.random()
    outcome = (
        Outcome.OVERTURNED
        if roll < chance
        else Outcome.PARTIALLY_OVERTURNED
        if roll < chance + 0.05
        else Outcome.UPHELD
    )
    service, cpt = rng.choice(SERVICES)
    return Decision(
        outcome=outcome,
        review_date=datetime.date(2009, 1, 1) + datetime.timedelta(days=rng.randrange(365)),
        services=(Service(f"{service} (CPT {cpt})", (cpt,)),),
        reviewer_qualifications=(ListItem(qualification),),
        clinical_history="This is a xx-year-old patient injured at work.",
        analysis="The reviewer weighed the records against the cited guidelines.",
        criteria=tuple(Criterion(e.code, e.label, e.code in checked) for e in CRITERIA),
        patient=Patient(sex=rng.choice(["male", "female"])),
    )


def main(argv: list[str] | None = None) -> int:
    """Write ``--count`` letters into the folder, cycling through the built-in layouts."""
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("folder", type=Path, help="where to write the letters (created)")
    cli.add_argument("--count", type=int, default=120, help="how many letters (default 120)")
    cli.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = cli.parse_args(argv)

    rng = random.Random(args.seed)
    layouts = sorted(iroparse.layouts(), key=lambda layout: layout.name)
    args.folder.mkdir(parents=True, exist_ok=True)
    for number in range(args.count):
        layout = layouts[number % len(layouts)]
        letter = layout.render(random_decision(rng))
        (args.folder / f"letter-{number:04d}.txt").write_text(letter, encoding="utf-8")
    print(f"wrote {args.count} letters to {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
