"""The start page: templates with previews, recent maps and the example, shown in place of the
map when the editor starts without a file."""
