package bebop.jam;

import bebop.UserError;
import bebop.app.Checks;

/**
 * How a jam goes: the tempo, the roles (trading phrases of {@code callBars} played by the player and
 * {@code responseBars} answered by bebop, or {@code accompany}: bebop plays the chords all along and
 * answers only when the player rests a whole bar), the count-in bars (clicks before bar 1), whether
 * the metronome clicks on after the count-in, the melody temperature and the seed of bebop's note draws.
 * Checked when made; an error names the flag.
 */
public record JamSettings(double tempo, int callBars, int responseBars, boolean accompany, int countInBars,
                          boolean metronome, double temperature, long seed) {
    public JamSettings {
        Checks.tempo(tempo);
        if (callBars < 1 || callBars > 64) {
            throw new UserError("--call-bars " + callBars + ": must be between 1 and 64");
        }
        if (responseBars < 1 || responseBars > 64) {
            throw new UserError("--response-bars " + responseBars + ": must be between 1 and 64");
        }
        if (countInBars < 0 || countInBars > 8) {
            throw new UserError("--count-in " + countInBars + ": must be between 0 and 8 bars");
        }
        if (!(temperature > 0 && temperature <= 100)) {
            throw new UserError("--temperature " + Checks.number(temperature)
                    + ": must be above 0 and at most 100 (1 is the paper's rule)");
        }
    }

    /** Trading two bars each at 120 bpm, one bar of count-in, no metronome, the paper's temperature, seed 1. */
    public static JamSettings defaults() {
        return new JamSettings(120, 2, 2, false, 1, false, 1.0, 1);
    }

    public JamSettings withTempo(double bpm) {
        return new JamSettings(bpm, callBars, responseBars, accompany, countInBars, metronome, temperature, seed);
    }

    public JamSettings withAccompany(boolean on) {
        return new JamSettings(tempo, callBars, responseBars, on, countInBars, metronome, temperature, seed);
    }

    public JamSettings withPhrases(int call, int response) {
        return new JamSettings(tempo, call, response, accompany, countInBars, metronome, temperature, seed);
    }

    public JamSettings withCountIn(int bars, boolean click) {
        return new JamSettings(tempo, callBars, responseBars, accompany, bars, click, temperature, seed);
    }
}
