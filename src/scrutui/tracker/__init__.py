"""The tracker of what the committee is owed: information requests and recommendations, from the
moment they are minuted until they are answered.

- ``rules``: what is outstanding, overdue or answered, and recording a response;
- ``documents``: the members' list of requests and the chair's list of resolutions and
  recommendations, composed as documents (``scrutui.export.lists`` writes them as Word, CSV, JSON).

The tracked record itself, with where it was made, is ``scrutui.tracked``: plain data below the
store, which reads it, and the minutes' action log, which reports it. The store's side is
``scrutui.store.tracker``; the screen's, ``scrutui.tui.screens.tracker``.
"""
