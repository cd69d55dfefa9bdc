package footprint.trace.verify;

import java.util.List;

/**
 * One disassembled instruction: the module and function it is in, its address, its text as
 * objdump prints it (AT&T syntax), and its memory operands based on a general register.
 */
public record Instruction(String module, String function, long address, String text, List<MemoryOperand> operands) {

    public Instruction {
        operands = List.copyOf(operands);
    }

    /** {@code kvm-intel.ko vmx_vcpu_run+0x1a4: mov 0x21f0(%rsi),%al}, as reports list it. */
    @Override
    public String toString() {
        return module + " " + function + ": " + text;
    }

    /**
     * A memory operand {@code disp(%base,%index,scale)}: its displacement, the bytes it may span
     * (guessed from the registers), and whether an index register takes part.
     */
    public record MemoryOperand(long displacement, int width, boolean indexed) {

        /** An address the displacement cannot show: base plus index, or a bare pointer (unless the field is at offset 0). */
        public boolean computed() {
            return indexed || displacement == 0;
        }
    }
}
