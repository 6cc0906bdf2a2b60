"""Tools for testing rules, for numlint itself and for plugin authors.

- :mod:`.cases`: marked samples (``{{…}}``) and :func:`~.cases.check_case`, the one checker
  behind the built-in rules' examples, case files and the fixture;
- :mod:`.casefile`: declarative ``*.numlint.toml`` case files;
- :mod:`.checker`: what the ``numlint_check`` fixture gives a test;
- :mod:`.pytest_plugin`: the pytest plugin (entry point ``pytest11``, name ``numlint``);
- :mod:`.strategies`: Hypothesis strategies for French-formatted figures.

Importing this package imports none of them.
"""
