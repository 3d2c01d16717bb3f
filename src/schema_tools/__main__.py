"""`python -m schema_tools` runs the command line."""

from schema_tools.cli.main import run

run()
