"""Writing documents out: Word (python-docx), CSV, JSON and PDF (through LibreOffice).

Nothing here imports python-docx at module level, so the app starts without it.
"""
