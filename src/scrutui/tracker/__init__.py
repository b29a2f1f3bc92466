"""The tracker of what the committee is owed: information requests and recommendations, from the
moment they are minuted until they are answered.

- ``tracked``: a tracked record, with where it was made (the store reads them; the minutes' action
  log reports them);
- ``rules``: what is outstanding, overdue or answered, and recording a response;
- ``documents``: the members' list of requests and the chair's list of resolutions and
  recommendations, composed as documents (``scrutui.export.lists`` writes them as Word, CSV, JSON).

The store's side is ``scrutui.store.tracker``; the screen's, ``scrutui.tui.screens.tracker``.
"""
