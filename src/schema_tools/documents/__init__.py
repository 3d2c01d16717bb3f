"""Reading and writing schema documents: YAML 1.2 loading, js-yaml compatible YAML, stable JSON."""
