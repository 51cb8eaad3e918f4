"""The site layer: the only writer of ``build/``. Executing notebooks (``refresh``), rendering them (``render``), the
pages (``pages``, ``countries``), search (``search``), safe output folders (``outdir``) and the build (``build``)."""
