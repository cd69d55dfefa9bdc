package footprint.compare;

import java.util.List;

/** A line one side's exits touch only because of one hot field (moving the field would spare the line). */
public record SoleFieldLine(String side, String object, long line, String field, List<String> exits) {}
