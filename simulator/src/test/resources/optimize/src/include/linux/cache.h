/* The two cacheline group markers of Linux 7.2 include/linux/cache.h:107-116 (that is all the
 * patch looks for: '#define __cacheline_group_begin('). */
#define __cacheline_group_begin(GROUP) \
	__u8 __cacheline_group_begin__##GROUP[0]
#define __cacheline_group_end(GROUP) \
	__u8 __cacheline_group_end__##GROUP[0]
