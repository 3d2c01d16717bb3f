"""The command-line face: parsing, printing and exit codes; the work is done by the core modules."""
