package footprint.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import footprint.input.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceReaderWriterTest {

    @Test
    void canonicalTextRoundTripsByteForByte() {
        Trace t = TraceReader.parse("sample.trace", TraceSamples.CANONICAL);
        assertThat(TraceWriter.write(t)).isEqualTo(TraceSamples.CANONICAL);
    }

    @Test
    void readsTheModel() {
        Trace t = TraceReader.parse("sample.trace", TraceSamples.CANONICAL);
        assertThat(t.metas()).extracting(Meta::key).containsExactly("kernel", "vendor");
        assertThat(t.objects()).extracting(ObjectDecl::name).containsExactly("vmx", "apic", "apic_page");
        assertThat(t.object("apic_page").orElseThrow().rawSize()).isEqualTo(4096);
        assertThat(t.object("apic_page").orElseThrow().trivia().trailing()).isEqualTo(" the register page behind kvm_lapic.regs");
        ExitDef tsc = t.exits().get(0);
        assertThat(tsc.fastpath()).isTrue();
        assertThat(tsc.reason()).isEqualTo("EXIT_REASON_MSR_WRITE");
        Access apicReg = (Access) tsc.steps().get(2);
        assertThat(apicReg.target()).isEqualTo(new Target("apic_page", null, 0x300, true));
        assertThat(apicReg.site()).isEqualTo("kvm_lapic_reg_write arch/x86/kvm/lapic.c:2200");
        Access regs = (Access) tsc.steps().get(3);
        assertThat(regs.target()).isEqualTo(new Target("vmx", "vcpu.arch.regs", 16, false));
        Access cond = (Access) t.segment("reentry").orElseThrow().steps().get(1);
        assertThat(cond.condition()).isEqualTo("!enable_ept");
        assertThat(cond.aliases()).containsExactly("vmcs", "loaded");
        assertThat(((Access) t.segment("exit-landing").orElseThrow().steps().get(0)).aliases()).containsExactly("VCPU_RAX");
        assertThat(apicReg.aliases()).isEmpty();
        assertThat(cond.op()).isEqualTo(AccessOp.R);
        MixStream mix = (MixStream) t.stream().orElseThrow();
        assertThat(mix.count()).isEqualTo(1000);
        assertThat(mix.seed()).isEqualTo(7);
        assertThat(mix.entries()).extracting(MixStream.Entry::weight).containsExactly(60.0, 2.5);
        assertThat(t.trailer()).containsExactly("# trailing comment");
    }

    @Test
    void nonCanonicalSpacingIsNormalisedAndCommentsKept() {
        String messy = """


                # header
                footprint-trace   1
                object  a   raw 64
                      # indented comment


                exit   X     reason=R  fastpath
                R a+0X1F 1 f  x.c:1   #  note
                    vmcs writes=3
                end
                stream  sequence X*3   X


                """;
        String expected = """
                # header
                footprint-trace 1
                object a raw 64
                # indented comment

                exit X fastpath reason=R
                  R a+0x1f 1 f x.c:1 #  note
                  vmcs reads=0 writes=3
                end
                stream sequence X*3 X
                """;
        Trace t = TraceReader.parse("m.trace", messy);
        assertThat(TraceWriter.write(t)).isEqualTo(expected);
        assertThat(TraceWriter.write(TraceReader.parse("m.trace", expected))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing version          | object a raw 8                                   | 1 | expected the version line
            wrong version            | footprint-trace 2                                | 1 | unsupported trace version '2'
            unknown keyword          | footprint-trace 1\\nobjekt a raw 8                | 2 | unknown keyword 'objekt'
            duplicate object         | footprint-trace 1\\nobject a raw 8\\nobject a raw 4 | 3 | duplicate object 'a' (first declared at line 2)
            bad align                | footprint-trace 1\\nobject a raw 8 align=3       | 2 | align=3 is not a power of two
            unknown object           | footprint-trace 1\\nobject a raw 8\\nexit X\\nR b+0 1 f x.c:1\\nend | 4 | unknown object 'b' (declared: a)
            size 0                   | footprint-trace 1\\nobject a raw 8\\nexit X\\nR a+0 0 f x.c:1\\nend | 4 | access size must be > 0
            past end of raw block    | footprint-trace 1\\nobject a raw 8\\nexit X\\nW a+0x6 4 f x.c:1\\nend | 4 | access past the end of raw block 'a' (8 bytes): bytes [6, 10)
            field of raw block       | footprint-trace 1\\nobject a raw 8\\nexit X\\nW a.x 4 f x.c:1\\nend | 4 | raw block 'a' has no fields
            bad location             | footprint-trace 1\\nobject a raw 8\\nexit X\\nW a+0 4 f x.c\\nend | 4 | 'x.c' is not FILE:LINE
            bad condition            | footprint-trace 1\\nobject a raw 8\\nexit X\\nW a+0 4 f x.c:1 when y\\nend | 4 | a condition starts with 'if'
            empty alias              | footprint-trace 1\\nobject a raw 8\\nexit X\\nW a+0 4 f x.c:1 as=\\nend | 4 | 'as=' is not as=NAME[,NAME...]
            alias not identifier     | footprint-trace 1\\nobject a raw 8\\nexit X\\nW a+0 4 f x.c:1 as=a,,b\\nend | 4 | 'as=a,,b' is not as=NAME
            two alias tokens         | footprint-trace 1\\nobject a raw 8\\nexit X\\nW a+0 4 f x.c:1 as=x as=y\\nend | 4 | unexpected 'as=y' after FILE:LINE
            bad path                 | footprint-trace 1\\nobject a struct s\\nexit X\\nW a.b[x] 4 f x.c:1\\nend | 4 | field path 'b[x]' is not a C member path
            duplicate exit           | footprint-trace 1\\nexit X\\nend\\nexit X\\nend    | 4 | duplicate exit 'X' (first defined at line 2)
            duplicate segment        | footprint-trace 1\\nsegment s\\nend\\nsegment s\\nend | 4 | duplicate segment 's'
            undefined segment        | footprint-trace 1\\nexit X\\nuse s\\nend          | 3 | unknown segment 's'
            unclosed block           | footprint-trace 1\\nexit X                       | 2 | exit 'X' is not closed with 'end'
            end outside block        | footprint-trace 1\\nend                          | 2 | 'end' outside a segment
            stream undefined exit    | footprint-trace 1\\nexit X\\nend\\nstream sequence X Y | 4 | the stream names exit 'Y', which the trace does not define (defined: X)
            mix undefined exit       | footprint-trace 1\\nexit X\\nend\\nstream mix count=5 seed=1\\nX 1\\nZ 2\\nend | 6 | the stream names exit 'Z'
            two streams              | footprint-trace 1\\nexit X\\nend\\nstream sequence X\\nstream sequence X | 5 | a trace has one stream
            mix without seed         | footprint-trace 1\\nexit X\\nend\\nstream mix count=5 | 4 | needs count=N and seed=S
            negative weight          | footprint-trace 1\\nexit X\\nend\\nstream mix count=5 seed=1\\nX -1\\nend | 5 | weight '-1' is not a number >= 0
            zero weights             | footprint-trace 1\\nexit X\\nend\\nstream mix count=5 seed=1\\nX 0\\nend | 4 | sum to 0
            duplicate mix entry      | footprint-trace 1\\nexit X\\nend\\nstream mix count=5 seed=1\\nX 1\\nX 2\\nend | 6 | already in the mix (line 5)
            bad step                 | footprint-trace 1\\nexit X\\nread a+0 1 f x.c:1\\nend | 3 | unknown step 'read'
            """)
    void badTracesNameFileAndLine(String title, String text, int line, String message) {
        String src = text.replace("\\n", "\n") + "\n";
        assertThatThrownBy(() -> TraceReader.parse("bad.trace", src))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.source()).isEqualTo("bad.trace");
                    assertThat(ie.line()).isEqualTo(line);
                    assertThat(ie.detail()).contains(message);
                });
    }

    @Test
    void writesAStreamAlone() {
        MixStream mix = new MixStream(10, 3, List.of(new MixStream.Entry("HLT", 0.25, Trivia.NONE, 0),
                new MixStream.Entry("CPUID", 1e6, Trivia.NONE, 0)), Trivia.NONE, Trivia.NONE, 0);
        assertThat(TraceWriter.write(mix)).isEqualTo("stream mix count=10 seed=3\n  HLT 0.25\n  CPUID 1000000\nend\n");
    }
}
