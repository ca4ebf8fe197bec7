"""Editing content files from tools (the browser editor, spreadsheet import): YAML written back with
the smallest change, files replaced atomically. The build never imports this package."""
