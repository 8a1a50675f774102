"""``python -m vnnews`` runs the command line."""

from vnnews.cli import main

raise SystemExit(main())
