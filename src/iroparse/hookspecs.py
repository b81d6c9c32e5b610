"""The hooks a plugin implements. A plugin author reads this one file to know every hook.

A plugin is any module or object with functions named after these hooks and decorated with
:data:`hookimpl` (also importable as ``iroparse.hookimpl``); packages expose it through the
``iroparse`` entry-point group::

    [project.entry-points.iroparse]
    dotleader = "iroparse_dotleader"

The built-in layouts register through the very same hooks (see ``iroparse._builtin``). Hooks
receive a ``register`` callback instead of returning lists, so one plugin can add several things.
A plugin whose hook raises, returns a value, or registers something malformed is left out with
a warning (see :mod:`iroparse.plugins`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from iroparse.layout import Layout

__all__ = [
    "PROJECT",
    "hookimpl",
    "hookspec",
    "iroparse_criteria",
    "iroparse_furniture_words",
    "iroparse_heading_aliases",
    "iroparse_noise_patterns",
    "iroparse_register_layouts",
    "iroparse_specialties",
]

PROJECT = "iroparse"
"""The pluggy project name, which is also the entry-point group plugins are found in."""
hookspec = pluggy.HookspecMarker(PROJECT)
"""Marks the hook specifications below (for the plugin manager, not for plugins)."""
hookimpl = pluggy.HookimplMarker(PROJECT)
"""Decorate a plugin's hook functions with this marker."""


@hookspec
def iroparse_register_layouts(register: Callable[[Layout], None]) -> None:
    """Register letter layouts: call ``register(layout)`` once per :class:`~iroparse.layout.Layout`.

    Example::

        @hookimpl
        def iroparse_register_layouts(register):
            register(DotLeaderLayout())
    """


@hookspec
def iroparse_heading_aliases(register: Callable[[str, str], None]) -> None:
    """Teach the section catalogue another way a heading is written: ``register(kind, alias)``.

    ``kind`` is a section kind code (``analysis``, ``criteria``, ...); ``alias`` is the heading
    text, matched with the same tolerance as the built-in ones (case, punctuation, ``&``/AND,
    small typos). Example::

        @hookimpl
        def iroparse_heading_aliases(register):
            register("clinical_history", "SUMMARY OF THE MEDICAL RECORDS")
    """


@hookspec
def iroparse_criteria(register: Callable[[str, str, str], None]) -> None:
    """Add screening-criteria catalogue entries: ``register(code, label, signature)``.

    ``signature`` is a regular expression (``regex`` module syntax) that matches the start of
    the item's label as letters write it, after case folding, with ``&`` spelled ``AND``.
    Example::

        @hookimpl
        def iroparse_criteria(register):
            register("apta", "APTA CLINICAL PRACTICE GUIDELINES", r"APTA\\b")
    """


@hookspec
def iroparse_noise_patterns(register: Callable[[str, str], None]) -> None:
    """Teach the reader a shape of page furniture: ``register(kind, pattern)``.

    A line whose whole text (blanks around it left out) matches ``pattern`` (``regex`` module
    syntax) is extraction noise wherever it stands, even once: an IRO's own running header, a
    stamp its fax machine prints. ``kind`` (lower case words joined by ``-``) names it in the
    ``noise-removed`` diagnostic. The pattern runs on every line of every letter: keep its
    repetitions bounded (``.{1,60}``, not ``.*.*``). Example::

        @hookimpl
        def iroparse_noise_patterns(register):
            register("running-header", r"ACME Review Co\\. +Case +\\d+")
    """


@hookspec
def iroparse_furniture_words(register: Callable[[str, int], None]) -> None:
    """Teach the reader a word of page furniture: ``register(word, weight)``.

    A short, title-like line whose words weigh 2 or more together is taken for a running
    header or footer where a page's furniture stands (next to a page number or a form feed,
    written twice, or cutting a sentence in two), even when it occurs once. Give a word of an
    organisation's name weight 2 (``ACME``), a running title's word weight 1 (``REVIEW``).
    ``word`` is letters only, matched at any case. Example::

        @hookimpl
        def iroparse_furniture_words(register):
            register("ACME", 2)
    """


@hookspec
def iroparse_specialties(register: Callable[[str, str], None]) -> None:
    """Teach the reviewer-specialty vocabulary a name: ``register(name, pattern)``.

    ``name`` is what the record's ``reviewer.specialties`` gives; ``pattern`` (``regex`` module
    syntax, matched at any case on whole words) is how letters write it. A registered name
    may be a new one or a built-in's (another spelling of it). Where matches overlap, the
    longest wins. Example::

        @hookimpl
        def iroparse_specialties(register):
            register("Undersea and Hyperbaric Medicine", r"hyperbaric\\s+medicine")
    """
