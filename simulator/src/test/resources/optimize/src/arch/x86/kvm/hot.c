/* Hand-made: a layout rule the source states, mined by optimize --source. */
static void hot_init(void)
{
	BUILD_BUG_ON(offsetof(struct hot, e) != 0);
}
