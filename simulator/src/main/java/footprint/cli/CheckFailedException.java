package footprint.cli;

/** A check the user asked for did not pass (exit code 1); the command has already said why. */
public final class CheckFailedException extends RuntimeException {
    public CheckFailedException(String message) {
        super(message);
    }
}
