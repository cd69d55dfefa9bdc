package footprint.address;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.ToLongFunction;

/**
 * Runs a parser on a reader thread and delivers its accesses to the caller's sink on the
 * calling thread, through a fixed set of reused primitive batches (no allocation per access,
 * bounded memory, order kept). An error of the parser reaches the caller after the accesses
 * that came before it.
 */
final class PipelinedReplay {
    private static final int BATCH = 1 << 15;
    private static final int BATCHES = 4;
    /** Marks a flush record in {@link Batch#sizeAndWrite}. */
    private static final int FLUSH = -1;

    private PipelinedReplay() {}

    /** The reader thread was told to stop because the consumer gave up. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private static final class Batch {
        final long[] address = new long[BATCH];
        final int[] sizeAndWrite = new int[BATCH]; // size << 1 | write, or FLUSH
        int n;
        boolean last;
        Throwable error;
    }

    static long run(AddressSink sink, ToLongFunction<AddressSink> parser) {
        BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
        BlockingQueue<Batch> empty = new ArrayBlockingQueue<>(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            empty.add(new Batch());
        }
        Thread reader = new Thread(() -> produce(parser, full, empty), "footprint-trace-reader");
        reader.setDaemon(true);
        reader.start();
        long count = 0;
        try {
            while (true) {
                Batch b = full.take();
                count += deliver(b, sink);
                if (b.error instanceof RuntimeException e) {
                    throw e;
                }
                if (b.error instanceof Error e) {
                    throw e;
                }
                if (b.last) {
                    return count;
                }
                b.n = 0;
                empty.put(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying a trace", e);
        } finally {
            reader.interrupt();
        }
    }

    /** One batch into the sink; a method of its own so the JIT compiles it with the sink inlined. */
    private static long deliver(Batch b, AddressSink sink) {
        long[] address = b.address;
        int[] sw = b.sizeAndWrite;
        long count = 0;
        for (int i = 0, n = b.n; i < n; i++) {
            int v = sw[i];
            if (v == FLUSH) {
                sink.flush();
            } else {
                sink.access(address[i], v >>> 1, (v & 1) != 0);
                count++;
            }
        }
        return count;
    }

    private static void produce(ToLongFunction<AddressSink> parser, BlockingQueue<Batch> full, BlockingQueue<Batch> empty) {
        Batch[] current = new Batch[1];
        try {
            current[0] = empty.take();
            AddressSink batcher = new AddressSink() {
                @Override
                public void access(long address, int size, boolean write) {
                    add(address, size << 1 | (write ? 1 : 0));
                }

                @Override
                public void flush() {
                    add(0, FLUSH);
                }

                private void add(long address, int sizeAndWrite) {
                    Batch b = current[0];
                    b.address[b.n] = address;
                    b.sizeAndWrite[b.n] = sizeAndWrite;
                    if (++b.n == BATCH) {
                        try {
                            full.put(b);
                            current[0] = empty.take();
                        } catch (InterruptedException e) {
                            throw new Cancelled();
                        }
                    }
                }
            };
            try {
                parser.applyAsLong(batcher);
            } catch (Cancelled c) {
                return;
            } catch (RuntimeException | Error e) {
                // Handed to the consumer, which would otherwise wait for a batch forever.
                current[0].error = e;
            }
            current[0].last = true;
            full.put(current[0]);
        } catch (InterruptedException e) {
            // The consumer stopped; nothing left to deliver.
        }
    }
}
