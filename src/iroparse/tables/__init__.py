"""The vocabularies of the research fields, as data: reviewer specialties, service categories,
review organisations and the wording that tells a review's type, its coverage and a service's
outcome.

Each table is a tuple of small frozen entries that a reader compiles once. The specialty table
grows through the ``iroparse_specialties`` hook (see :mod:`iroparse.hookspecs`); the others are
read as they are, and a change to one is a change of data, not of code.
"""
