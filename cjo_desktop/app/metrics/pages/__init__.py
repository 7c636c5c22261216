"""The import wizard's page of each kind of data: its rows in the form, and its options.

The kinds themselves live in ``io/imports/kinds`` (no Qt there); the wizard finds a kind's
page by the kind's id in its ``PAGES``.
"""
