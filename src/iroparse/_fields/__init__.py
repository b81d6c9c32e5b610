"""The field readers: each reads one value of the record from a letter's sections and returns
it with the span it came from, adding a diagnostic whenever it had to doubt or guess.

:mod:`~iroparse._fields.readers` holds the readers the parser calls; the modules beside it are
the vocabularies and small finders they use (dates, procedure codes, lists, the patient, the
outcome a narrative states).
"""
