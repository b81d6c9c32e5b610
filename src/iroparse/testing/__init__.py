"""Property-based testing of letter layouts, for iroparse and for plugin authors.

Install with the ``testing`` extra (``pip install iroparse[testing]``), which brings
`hypothesis <https://hypothesis.readthedocs.io>`_; ``import iroparse`` alone never imports it.

* :func:`decisions`: a strategy of :class:`~iroparse.Decision` values (pin any field);
* :func:`letters`: a strategy of ``(text, decision)`` pairs, the decision rendered by a layout
  and put through extraction noise;
* :func:`check_layout`: the conformance suite a layout's author calls from their own tests;
* :func:`assert_round_trip` and :func:`contract_fields`: the round-trip comparison itself;
* :func:`mutations` and :func:`hostile_inputs`: input that tries to crash or slow a parser.

>>> from hypothesis import given
>>> import iroparse
>>> @given(letters(layout="bracket"))
... def test_bracket_round_trip(case):
...     text, decision = case
...     assert_round_trip(text, decision, "bracket")
>>> test_bracket_round_trip()
"""

from __future__ import annotations

from iroparse.testing.conformance import (
    assert_round_trip,
    check_layout,
    contract_fields,
    registered,
)
from iroparse.testing.hostile import MUTATIONS, hostile_inputs, mutate, mutations
from iroparse.testing.noise import extraction_noise, page_break, rewrap
from iroparse.testing.strategies import decisions, letters

__all__ = [
    "MUTATIONS",
    "assert_round_trip",
    "check_layout",
    "contract_fields",
    "decisions",
    "extraction_noise",
    "hostile_inputs",
    "letters",
    "mutate",
    "mutations",
    "page_break",
    "registered",
    "rewrap",
]
