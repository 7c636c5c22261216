"""Free cards in the editor: the Inspector's page for one, and Map > Link to Touchpoint."""
