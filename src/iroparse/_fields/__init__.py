"""The field readers: each reads one value of the record from a letter's sections and returns
it with the span it came from and the diagnostics it raised.

* :mod:`~iroparse._fields.letter`: what a reader gets (``Letter``) and gives (``Read``);
* :mod:`~iroparse._fields.readers`: the readers and their table, ``READERS``;
* :mod:`~iroparse._fields.outcome`: the outcome reader (boxes, stated outcome, narrative);
* the finders they use: :mod:`~iroparse._fields.dates`, :mod:`~iroparse._fields.codes`,
  :mod:`~iroparse._fields.lists`, :mod:`~iroparse._fields.patient`,
  :mod:`~iroparse._fields.narrative`.
"""
