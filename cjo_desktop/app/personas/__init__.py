"""The Personas panel, its dialog, the persona filter and the Inspector's persona rows."""
