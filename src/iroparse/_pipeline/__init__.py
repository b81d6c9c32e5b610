"""The stages that turn a letter's text into sections and checklist items, in order.

1. :mod:`~iroparse._pipeline.normalize`: decode, unify line ends and spaces, keep the offset
   map back to the caller's text (:class:`~iroparse._pipeline.normalize.Normalized`).
2. :mod:`~iroparse._pipeline.noise`: page furniture and extraction artefacts, by pattern and by
   position at page boundaries; :mod:`~iroparse._pipeline.noise_names`: an organisation's
   name standing where a page broke.
3. :mod:`~iroparse._pipeline.tokenize`: one token per logical line (heading, text, blank,
   noise, :mod:`~iroparse._pipeline.tokens`); :mod:`~iroparse._pipeline.headings` matches
   heading lines against the catalogue, :mod:`~iroparse._pipeline.wrapped` joins headings
   wrapped over several lines, and :mod:`~iroparse._pipeline.noise_lines` first decides
   which lines are noise (the rules of stage 2, vetoed where a heading claims the line).
4. :mod:`~iroparse._pipeline.sections`: tokens grouped into sections; paragraphs and the rule
   that a page break does not end a paragraph.
5. :mod:`~iroparse._pipeline.choose_layout`: rank the registered layouts on the checklist lines
   and pick one (or the ``unknown`` stand-in).
6. :mod:`~iroparse._pipeline.checklist`: read the outcome boxes and the screening criteria with
   the chosen layout's marks.

The field readers of :mod:`iroparse._fields` then read the record's values from the sections;
:mod:`iroparse.parser` only orders these steps. Nothing here imports from a later stage.
"""
