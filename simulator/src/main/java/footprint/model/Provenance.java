package footprint.model;

/** Where a model number comes from: the citation (or the reasoning) and how firm it is. */
public record Provenance(String source, Basis basis) {
    /** How firm a number is; anything but PUBLISHED must say in its source why it was chosen. */
    public enum Basis {
        /** Read from the cited manual, article or measurement. */
        PUBLISHED,
        /** Computed from published numbers; the source says how. */
        DERIVED,
        /** From a secondary source that could not be checked against a primary one. */
        UNVERIFIED,
        /** No source found; a stated estimate. */
        GUESSED,
        /** Measured on the machine by {@code footprint calibrate}; the source gives the command, date and CPU. */
        MEASURED;

        /** As model files write it: {@code measured}. */
        public String word() {
            return ModelJson.word(this);
        }
    }
}
