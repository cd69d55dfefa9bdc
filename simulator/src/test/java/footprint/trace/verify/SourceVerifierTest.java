package footprint.trace.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.input.InputException;
import footprint.trace.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify --source on a tiny hand-written kernel tree: each check passes where it should and fails where it should. */
class SourceVerifierTest {
    private static final String C = """
            struct vcpu { int mode; long regs[16]; };

            static int other(struct vcpu *v)
            {
            	return v->mode;
            }

            static __always_inline bool
            read_mode(struct vcpu *v,
            	  int unused)
            {
            	/* regs is only named in this comment */
            	int m = v->mode;
            	return m;
            }
            static inline int one_line(struct vcpu *v) { return v->mode; }
            int prototype(struct vcpu *v);

            #define BUILD_ACCESSORS(lname, idx)				\\
            static inline long get_##lname(struct vcpu *v)		\\
            {								\\
            	return v->regs[idx];					\\
            }								\\
            static inline void put_##lname(struct vcpu *v, long x)	\\
            {								\\
            	v->regs[idx] = x;					\\
            }
            """;
    private static final String S = """
            SYM_FUNC_START(enter_guest)
            	mov VCPU_RAX(%rdi), %rax
            	ret
            SYM_FUNC_END(enter_guest)
            	mov VCPU_RCX(%rdi), %rcx
            """;

    @TempDir
    Path tree;

    @BeforeEach
    void writeTree() throws IOException {
        Files.createDirectories(tree.resolve("arch/x86/kvm"));
        Files.writeString(tree.resolve("arch/x86/kvm/x.c"), C);
        Files.writeString(tree.resolve("arch/x86/kvm/enter.S"), S);
    }

    private SourceReport verify(String... accesses) {
        StringBuilder t = new StringBuilder("footprint-trace 1\nobject v struct vcpu\nobject page raw 64\nexit E\n");
        for (String a : accesses) {
            t.append("  ").append(a).append('\n');
        }
        t.append("end\n");
        return SourceVerifier.verify(TraceReader.parse("t.trace", t.toString()), tree);
    }

    @Test
    void aFieldReadInsideItsFunctionPasses() {
        SourceReport r = verify("R v.mode 4 read_mode arch/x86/kvm/x.c:13", "R v.mode 4 other arch/x86/kvm/x.c:5",
                "R v.mode 4 one_line arch/x86/kvm/x.c:16");
        assertThat(r.failures()).isEmpty();
        assertThat(r.exceptions()).isEmpty();
        assertThat(r.exits().get(0)).isEqualTo(new SourceReport.ExitCount("E", false, 3, 3, 0, 0));
        assertThat(r.passed()).isTrue();
    }

    @Test
    void aLineOfAnotherFunctionFailsWithTheExtent() {
        SourceReport r = verify("R v.mode 4 read_mode arch/x86/kvm/x.c:5");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.reason()).isEqualTo("line 5 is outside read_mode (lines 9-15 of arch/x86/kvm/x.c)");
        });
        assertThat(r.passed()).isFalse();
    }

    @Test
    void aFieldNamedOnlyInACommentOrAsAPrefixDoesNotCount() {
        SourceReport r = verify("R v.regs[2] 8 read_mode arch/x86/kvm/x.c:12", "R v.mod 4 read_mode arch/x86/kvm/x.c:13");
        assertThat(r.failures()).extracting(SourceReport.Finding::reason).containsExactly(
                "line 12 does not name regs: /* regs is only named in this comment */",
                "line 13 does not name mod: int m = v->mode;");
    }

    @Test
    void anAliasNamesTheFieldWhereTheSourceUsesAnotherName() {
        SourceReport r = verify("R v.regs[0] 8 enter_guest arch/x86/kvm/enter.S:2 as=VCPU_RAX",
                "R page+8 8 read_mode arch/x86/kvm/x.c:13 as=m");
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void aRawAccessWithoutAliasFails() {
        SourceReport r = verify("R page+8 8 read_mode arch/x86/kvm/x.c:13");
        assertThat(r.failures()).singleElement().extracting(SourceReport.Finding::reason)
                .isEqualTo("a raw access names no field: give the name the source line uses with as=NAME");
    }

    @Test
    void assemblyFunctionsEndAtSymFuncEnd() {
        SourceReport r = verify("R v.regs[1] 8 enter_guest arch/x86/kvm/enter.S:5 as=VCPU_RCX");
        assertThat(r.failures()).extracting(SourceReport.Finding::reason)
                .containsExactly("line 5 is outside enter_guest (lines 1-4 of arch/x86/kvm/enter.S)");
    }

    @Test
    void functionsGeneratedByAMacroAreCheckedAgainstTheirBodyInsideIt() {
        assertThat(verify("R v.regs[3] 8 get_rbx arch/x86/kvm/x.c:22").failures()).isEmpty();
        assertThat(verify("W v.regs[3] 8 put_rbx arch/x86/kvm/x.c:26").failures()).isEmpty();
        assertThat(verify("R v.regs[3] 8 put_rbx arch/x86/kvm/x.c:22").failures()).extracting(SourceReport.Finding::reason)
                .singleElement().asString().startsWith("line 22 is outside put_rbx (generated by the macro at lines 19-27");
    }

    @Test
    void aFunctionTheFileDoesNotDefineFailsAndOneOnlyAMacroMayGenerateIsAnException() {
        assertThat(verify("R v.mode 4 prototype arch/x86/kvm/x.c:13").failures()).extracting(SourceReport.Finding::reason)
                .containsExactly("no definition of prototype in arch/x86/kvm/x.c");
        SourceReport r = verify("R v.regs[3] 8 kvm_rbx_read arch/x86/kvm/x.c:22");
        assertThat(r.failures()).isEmpty();
        assertThat(r.exceptions()).singleElement().extracting(SourceReport.Finding::reason).asString()
                .contains("line 22 is in the macro at lines 19-27").contains("function extent not checked");
        assertThat(r.exits().get(0)).isEqualTo(new SourceReport.ExitCount("E", false, 1, 0, 0, 1));
    }

    @Test
    void aLinePastTheEndOfTheFileFails() {
        assertThat(verify("R v.mode 4 other arch/x86/kvm/x.c:99").failures()).extracting(SourceReport.Finding::reason)
                .containsExactly("arch/x86/kvm/x.c has 27 lines, not 99");
    }

    @Test
    void aFileOutsideTheTreeFails() {
        assertThat(verify("R v.mode 4 other ../x.c:1").failures()).extracting(SourceReport.Finding::reason)
                .containsExactly("../x.c is outside the source tree");
    }

    @Test
    void aMissingFileOrTreeIsBadInputNamingThePath() {
        assertThatThrownBy(() -> verify("R v.mode 4 other arch/x86/kvm/y.c:1"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("t.trace:5: cited source file " + tree.resolve("arch/x86/kvm/y.c"));
        Path missing = tree.resolve("nothing");
        assertThatThrownBy(() -> SourceVerifier.verify(TraceReader.parse("t.trace", "footprint-trace 1\n"), missing))
                .isInstanceOf(InputException.class).hasMessageContaining(missing + ": no such source directory");
    }

    @Test
    void aSegmentUsedByTwoExitsCountsInBothAndFailsOnce() {
        String trace = "footprint-trace 1\nobject v struct vcpu\nsegment s\n  R v.mode 4 read_mode arch/x86/kvm/x.c:5\nend\n"
                + "exit A\n  use s\nend\nexit B\n  use s\n  R v.mode 4 other arch/x86/kvm/x.c:5\nend\n";
        SourceReport r = SourceVerifier.verify(TraceReader.parse("t.trace", trace), tree);
        assertThat(r.exits()).containsExactly(new SourceReport.ExitCount("A", false, 1, 0, 1, 0),
                new SourceReport.ExitCount("B", false, 2, 1, 1, 0));
        assertThat(r.failures()).extracting(SourceReport.Finding::line).containsExactly(4);
    }
}
