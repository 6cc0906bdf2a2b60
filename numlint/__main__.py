"""``python -m numlint``: the same as the ``numlint`` command."""

from numlint.cli import main

raise SystemExit(main())
