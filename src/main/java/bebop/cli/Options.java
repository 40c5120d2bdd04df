package bebop.cli;

import bebop.UserError;
import bebop.music.BluesForm;
import java.util.Locale;

/** Checks of option values shared by several commands; each failure names the flag. */
final class Options {
    private Options() {}

    static BluesForm.Variant formVariant(String value) {
        try {
            return BluesForm.Variant.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UserError("--form " + value + ": unknown form (use paper or corrected)");
        }
    }

    static void checkTempo(double bpm) {
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new UserError("--tempo " + number(bpm) + ": must be between 20 and 400 bpm");
        }
    }

    /** A number as a person writes it: 120, not 120.0. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
