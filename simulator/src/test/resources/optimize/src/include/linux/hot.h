/* Hand-made header of the optimize tests: struct hot of ../../../hot.pahole as C. */
struct hot {
	unsigned long a;	/* read by A and B */
	char pad1[120];

	/* b and c */
	int b;
	char c;
	unsigned long pad2[15];
#ifdef CONFIG_HOT_D
	unsigned long d;
#endif
	short e;
};
