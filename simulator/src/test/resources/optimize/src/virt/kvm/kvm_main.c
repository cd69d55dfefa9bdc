/* Hand-made: the init function where optimize --patch calls the group asserts of a struct of include/linux. */
int kvm_init(unsigned vcpu_size, unsigned vcpu_align, struct module *module)
{
	int r;
	int cpu;

	/* A kmem cache lets us meet the alignment requirements of fx_save. */
	r = kvm_irqfd_init();
	return r;
}
