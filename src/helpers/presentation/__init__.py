"""The presentation layer: words and tables for notebook prose (``report``), the house style of figures
(``plotting``), interactive chart specs (``interactive``) and references (``citations``)."""
