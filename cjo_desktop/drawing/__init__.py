"""What the map looks like, in plain Python: layout, flow routing, label placement and what the
cards show of metrics and pain points. No Qt (an import contract says so): the scene and every
export paint what this layer computes, and its tests run without a display."""
