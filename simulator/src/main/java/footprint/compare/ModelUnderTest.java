package footprint.compare;

import footprint.sim.CacheFactory;
import footprint.sim.CostModel;

/** A CPU model ready for replay: how to build its caches and how to cost an exit. */
public record ModelUnderTest(CostModel cost, CacheFactory caches) {}
