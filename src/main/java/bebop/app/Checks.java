package bebop.app;

import bebop.UserError;
import bebop.music.BluesForm;
import java.util.Locale;

/**
 * Checks of settings shared by several tasks. Each failure is a {@link UserError} naming the setting
 * by its command-line flag (the studio's fields carry the same names).
 */
public final class Checks {
    private Checks() {}

    public static BluesForm.Variant formVariant(String value) {
        try {
            return BluesForm.Variant.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UserError("--form " + value + ": unknown form (use paper or corrected)");
        }
    }

    public static void tempo(double bpm) {
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new UserError("--tempo " + number(bpm) + ": must be between 20 and 400 bpm");
        }
    }

    /** A number as a person writes it: 120, not 120.0. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** {@code value} when {@code ok}, else a user error: "FLAG VALUE: RULE". */
    public static <T> T checked(T value, boolean ok, String flag, String rule) {
        if (!ok) {
            throw new UserError(flag + " " + value + ": " + rule);
        }
        return value;
    }

    /** "1 chorus", "2 choruses". */
    public static String choruses(long n) {
        return n + (n == 1 ? " chorus" : " choruses");
    }
}
