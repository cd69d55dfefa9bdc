package footprint.model;

import footprint.cache.Geometry;
import footprint.cache.Inclusion;
import footprint.cache.Replacement;

/** One cache level of a CPU model: geometry, load-to-use latency, replacement and inclusion. */
public record LevelModel(String name, Geometry geometry, int latencyCycles, Replacement replacement, Inclusion inclusion) {}
