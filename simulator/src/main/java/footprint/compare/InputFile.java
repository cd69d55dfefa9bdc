package footprint.compare;

/** An input of the report (trace, layout, model) with its SHA-256, so the report can be reproduced. */
public record InputFile(String role, String path, String sha256) {}
