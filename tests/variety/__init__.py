"""An independent variety generator: IRO letters written the many ways real IROs write them,
each with the record a correct parse gives (issues "Letters nobody has seen" and "The outcome
is never silently wrong").

It shares no code with the layouts' renderers: :mod:`.content` draws the facts, :mod:`.styles`
the headings and checkbox styles, :mod:`.furniture` the page furniture and boilerplate,
:mod:`.compose` lays a letter out with random variation classes, and :mod:`.score` compares a
parse with the expected record, field by field.
"""
