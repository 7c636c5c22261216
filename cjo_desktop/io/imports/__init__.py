"""Importing metrics from tables onto a journey: survey responses, funnels, aggregated KPIs.

``run_import`` reads a file as an ``ImportSpec`` says and returns an ``ImportResult`` (a
snapshot, any touchpoints or flow counts to add, and the report); ``apply_import`` makes it
part of the journey. The editor turns the same result into one undoable command.
"""
