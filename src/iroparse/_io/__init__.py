"""Getting a letter's text: files and folders (:mod:`~iroparse._io.files`) and PDF text
extraction (:mod:`~iroparse._io.pdf`)."""
