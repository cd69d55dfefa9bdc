package footprint.sim;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Runs two independent computations at once (chunks of replays, each on its own cache, so
 * results do not depend on the order): the first in the common pool, the second on the
 * calling thread.
 */
public final class Parallel {
    private Parallel() {}

    /** Both results, as a pair. */
    public record Pair<A, B>(A first, B second) {}

    public static <A, B> Pair<A, B> both(Supplier<A> first, Supplier<B> second) {
        CompletableFuture<A> a = CompletableFuture.supplyAsync(first);
        B b;
        try {
            b = second.get();
        } catch (RuntimeException | Error e) {
            a.cancel(false);
            throw e;
        }
        try {
            return new Pair<>(a.join(), b);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
