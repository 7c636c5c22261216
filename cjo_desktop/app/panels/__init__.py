"""The panels beside the canvas that follow the selection: inspector, outline, find bar and the
workshop bar."""
