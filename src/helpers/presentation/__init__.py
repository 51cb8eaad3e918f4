"""The presentation layer: words and tables for notebook prose (``report``, ``words``), the paragraphs a section says
(``narrative``), tables a reader reads (``tables``), key findings (``findings``), whole figures (``figures``) in the
house style (``plotting``), interactive chart specs (``interactive``), references (``citations``) and the record's
changes between releases (``changes``)."""
