package footprint.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces a patch moves, read from kernel-style struct definitions (shapes taken from Linux 7.2). */
class SourceStructTest {
    @TempDir
    Path tmp;

    private SourceStruct parse(String name, String text) throws Exception {
        Path header = Files.createDirectories(tmp.resolve("include/linux")).resolve("s.h");
        Files.writeString(header, text);
        return SourceStruct.find(tmp, name);
    }

    private static SourceStruct.Piece pieceOf(SourceStruct s, String member) {
        return s.pieces().stream().filter(p -> p.members().contains(member)).findFirst().orElseThrow();
    }

    @Test
    void severalMembersInOneDeclarationInsideAnIfdefAreAllNamedWithTheirCondition() throws Exception {
        // arch/x86/kvm/vmx/vmcs.h:39-41 of 7.2
        SourceStruct s = parse("vmcs_host_state", """
                struct vmcs_host_state {
                	unsigned long rsp;

                	u16           fs_sel, gs_sel, ldt_sel;
                #ifdef CONFIG_X86_64
                	u16           ds_sel, es_sel;
                #endif
                };
                """);
        assertThat(s.pieces()).extracting(SourceStruct.Piece::members)
                .containsExactly(List.of("rsp"), List.of("fs_sel", "gs_sel", "ldt_sel"), List.of("ds_sel", "es_sel"));
        assertThat(pieceOf(s, "es_sel").condition("es_sel")).contains(List.of("#ifdef CONFIG_X86_64"));
        assertThat(pieceOf(s, "rsp").condition("rsp")).contains(List.of());
    }

    @Test
    void aMemberInAnElseBranchHasNoConditionACopyCouldKeep() throws Exception {
        SourceStruct s = parse("w", """
                struct w {
                #ifndef __KVM_HAVE_ARCH_WQP
                	struct rcuwait wait;
                #else
                	struct rcuwait *waitp;
                #endif
                };
                """);
        SourceStruct.Piece p = pieceOf(s, "wait");
        assertThat(p.condition("wait")).contains(List.of("#ifndef __KVM_HAVE_ARCH_WQP"));
        assertThat(p.condition("waitp")).isEqualTo(Optional.empty());
    }

    @Test
    void declareBitmapMovesLikeADeclarationButAnUnknownMacroDoesNot() throws Exception {
        // arch/x86/include/asm/kvm_host.h:845 of 7.2, and a macro whose expansion the parser cannot know
        SourceStruct s = parse("a", """
                struct a {
                	DECLARE_BITMAP(ioapic_handled_vectors, 256);
                	DECLARE_KFIFO(entries, u64, 16);
                };
                """);
        assertThat(pieceOf(s, "ioapic_handled_vectors").macro()).isFalse();
        assertThat(pieceOf(s, "entries").macro()).isTrue();
    }
}
