"""The service blueprint preset: Map > Add Service Blueprint Lanes."""
