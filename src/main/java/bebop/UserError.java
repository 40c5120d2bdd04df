package bebop;

/**
 * A problem the user can fix (a bad file, a bad flag, a missing model). The CLI prints its message
 * as one line and exits with code 2; the message names the thing and the problem.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
