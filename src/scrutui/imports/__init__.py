"""Agendas from elsewhere: a council's ModernGov web service, or its Word agenda document.

Each importer reads its source into `ImportedItem`s; `plan.plan_agenda` works out what that does to
the agenda on file (never touching a minuted item), and the store writes the plan in one transaction.
"""
