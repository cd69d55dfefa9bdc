package footprint.layout;

import java.util.List;

/** Members with the offsets the layout engine gave them, and the size and alignment that result. */
public record PlacedMembers(List<Member> members, long size, int alignment) {
    public PlacedMembers {
        members = List.copyOf(members);
    }
}
