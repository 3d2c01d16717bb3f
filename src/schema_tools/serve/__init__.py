"""Serving schema repositories: the URL tree (tree.py), the HTTP server (app.py, server.py), the static
export (export.py) and its nginx configuration (nginx.py)."""
