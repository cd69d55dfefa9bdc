package footprint.trace;

/** Small hand-written traces shared by the trace tests. */
final class TraceSamples {
    private TraceSamples() {}

    /** A canonical trace using every construct of the format. */
    static final String CANONICAL = """
            # A hand-written trace: every construct of format version 1.
            footprint-trace 1
            meta kernel 6.1.192 (Debian linux-source-6.1)
            meta vendor vmx

            # the vCPU and its local APIC
            object vmx struct vcpu_vmx align=64
            object apic struct kvm_lapic
            object apic_page raw 4096 align=4096 # the register page behind kvm_lapic.regs

            segment exit-landing
              # __vmx_vcpu_run stores the guest GPRs
              W vmx.vcpu.arch.regs[0] 8 __vmx_vcpu_run arch/x86/kvm/vmx/vmenter.S:219 as=VCPU_RAX
              RW vmx.vcpu.arch.regs_avail 4 vmx_vcpu_run arch/x86/kvm/vmx/vmx.c:7178
              vmcs reads=1 writes=0
            end

            segment reentry
              use exit-landing
              R vmx.loaded_vmcs 8 vmx_vcpu_run arch/x86/kvm/vmx/vmx.c:7100 as=vmcs,loaded if !enable_ept # assumed false
            end

            exit TSC_DEADLINE_WRITE fastpath reason=EXIT_REASON_MSR_WRITE
              use exit-landing
              R vmx.vcpu.arch.apic 8 handle_fastpath_set_tscdeadline arch/x86/kvm/x86.c:2069
              R apic_page+0x300 4 kvm_lapic_reg_write arch/x86/kvm/lapic.c:2200
              W vmx.vcpu.arch.regs+16 8 kvm_rax_write arch/x86/kvm/kvm_cache_regs.h:97
              R apic_page+48 4 kvm_lapic_get_reg arch/x86/kvm/lapic.h:160

              # back to the guest
              use reentry
            end

            exit HLT reason=EXIT_REASON_HLT
              R vmx.vcpu.arch.mp_state 4 kvm_emulate_halt arch/x86/kvm/x86.c:9300
              vmcs reads=2 writes=1
            end

            stream mix count=1000 seed=7
              TSC_DEADLINE_WRITE 60
              HLT 2.5 # rare
            end
            # trailing comment
            """;
}
