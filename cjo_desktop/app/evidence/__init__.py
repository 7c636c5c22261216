"""Evidence in the editor: the Inspector's section and View > Colour Cards by Evidence."""
