"""Metamorphic accuracy check: variations that must not change what a letter says.

Each sample letter (``examples/letters``, the labelled corpus) is rewritten the ways real
letters differ (page furniture once, mid-sentence or between a heading's lines; line ends
with blanks after a carriage return; headings in title or sentence case, with or without a
colon; content on a heading's line) and parsed again; a variation is right when every scored
field equals the clean letter's. This is a stand-in, not the independent generator of letters
with their own expected records that ``make accuracy`` should grow into: it can only find
the classes of error it was written for.

    python benchmarks/variations.py [--count 40] [--show 3]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import iroparse

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "letters"
HEADERS = (
    "Texas Independent Review Group",
    "ACME MEDICAL REVIEW  Claim 123-45-6789",
    "Lone Star Review Services, LLC - Independent Review Decision",
    "IRO Decision - Confidential",
    "CENTEX IRO  Case 1234  Page 2",
    "05/12/2011 14:03 FAX 512xxxxxxx CENTEX IRO @ 002/004",
)
NUMBERS = ("Page 2 of 2", "- 2 -", "2", "Page 2", "2 of 3")
CHECKLIST_WORDS = ("GUIDELINES", "CRITERIA", "JUDGEMENT", "LITERATURE", "KNOWLEDGEBASE")
Transform = Callable[[str, random.Random], "str | None"]


def _fold(text: Any) -> Any:
    return re.sub(r"\s+", " ", text).strip() if isinstance(text, str) else text


def scored(record: dict[str, Any]) -> dict[str, Any]:
    """The fields the corpus scores, as ``shared/tools/score.py`` compares them."""
    return {
        "outcome": record["outcome"],
        "review_date": record["review_date"],
        "case_number": record["case_number"],
        "services": _fold(" ".join(s["text"] for s in record["services"])),
        "cpt_codes": sorted({c for s in record["services"] for c in s["cpt_codes"]}),
        "qualifications": [_fold(q) for q in record["reviewer_qualifications"]],
        "information": [_fold(q) for q in record["information_provided"]],
        "history": _fold(record["clinical_history"]),
        "analysis": _fold(record["analysis"]),
        "criteria": [[c["code"], c["checked"]] for c in record["criteria"]],
        "patient": record["patient"],
    }


def _furniture(where: Callable[[list[str], int], bool]) -> Transform:
    def transform(text: str, rnd: random.Random) -> str | None:
        lines = text.split("\n")
        places = [
            i
            for i in range(1, len(lines) - 1)
            if lines[i].strip() and lines[i - 1].strip() and where(lines, i)
        ]
        if not places:
            return None
        i = rnd.choice(places)
        block = rnd.choice(
            [
                [rnd.choice(HEADERS)],
                [rnd.choice(NUMBERS)],
                [rnd.choice(NUMBERS), rnd.choice(HEADERS)],
            ]
        )
        return "\n".join([*lines[:i], "", *block, "", *lines[i:]])

    return transform


def _in_prose(lines: list[str], i: int) -> bool:
    return len(lines[i]) > 50 and not lines[i].isupper()


def _in_heading(lines: list[str], i: int) -> bool:
    return lines[i - 1].strip().isupper() and lines[i].strip().isupper() and len(lines[i - 1]) > 40


def _crlf_blanks(text: str, rnd: random.Random) -> str:
    return text.replace("\n", "\r   \n")


def _heading_case(text: str, rnd: random.Random) -> str:
    out = []
    for line in text.split("\n"):
        bare = line.strip()
        marked = re.search(r"\bX\b|\[|\(\s*X|☒|☐|\bYes\b|\bNo\b", line)
        item = any(word in bare for word in CHECKLIST_WORDS)
        if bare.isupper() and len(bare) > 12 and not marked and not item:
            new = bare.title() if rnd.random() < 0.5 else bare.capitalize()
            line = line.replace(bare, new.rstrip(":") if rnd.random() < 0.5 else new)
        out.append(line)
    return "\n".join(out)


TRANSFORMS: dict[str, Transform] = {
    "furniture in prose": _furniture(_in_prose),
    "furniture anywhere": _furniture(lambda lines, i: True),
    "furniture in a heading": _furniture(_in_heading),
    "CR blanks LF": _crlf_blanks,
    "heading case": _heading_case,
}


def main() -> None:
    """Print, per variation, how many varied letters read exactly like the clean one."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=40, help="variations per letter")
    parser.add_argument("--show", type=int, default=0, help="failures to print per variation")
    args = parser.parse_args()
    samples = sorted(p for p in (ROOT / "examples" / "letters").glob("*.txt"))
    samples = [p for p in samples if not p.name.startswith("unknown")]
    samples += sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    for path in samples:
        text = path.read_text(encoding="utf-8")
        clean = scored(iroparse.to_dict(iroparse.parse(text)))
        for name, transform in TRANSFORMS.items():
            for k in range(args.count if name.startswith(("furniture", "heading")) else 1):
                varied = transform(text, random.Random(f"{path.name}/{name}/{k}"))
                if varied is None:
                    continue
                total[name] += 1
                try:
                    got = scored(iroparse.to_dict(iroparse.parse(varied)))
                except iroparse.IroParseError as error:
                    got = {"error": str(error)}
                wrong = [key for key in clean if got.get(key) != clean[key]]
                right[name] += not wrong
                if wrong and shown[name] < args.show:
                    shown[name] += 1
                    print(f"-- {name}: {path.name}: {', '.join(wrong)}")
    print(f"{'variation':24} letters read like the clean one")
    for name in TRANSFORMS:
        print(f"{name:24} {right[name]}/{total[name]}")
    print(f"{'all':24} {sum(right.values())}/{sum(total.values())}")


if __name__ == "__main__":
    main()
