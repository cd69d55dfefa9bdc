package footprint.model;

/** A number of a model file with its source and how firm it is: {@code {"value": 4, "source": "...", "basis": "published"}}. */
public record Quantity<T>(T value, String source, Provenance.Basis basis) {}
