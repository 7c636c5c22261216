"""Importing metrics from tables onto a journey: survey responses, funnels, aggregated KPIs.

``run_import`` reads a file as an ``ImportSpec`` says and returns an ``ImportResult`` (a
snapshot, any touchpoints or flow counts to add, and the report); ``plan_import`` works out
what it changes, which ``apply_import`` applies to the journey and the editor's ``ApplyImport``
as one undoable command. Each kind of data is one registered entry in ``kinds/``.
"""
