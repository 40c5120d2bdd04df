package bebop.music;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chord progression typed by a user, bar by bar, in a meter of quarter-note beats (4/4 unless the
 * text starts with another, such as "3/4"), on the paper's eighth-note grid: two steps a beat, 8 steps
 * a 4/4 bar, 6 a 3/4 bar. It repeats: the chord of any step cycles through the bars.
 *
 * <p>A bar holds 1 chord, or up to one a beat (4 in 4/4, 3 in 3/4), which share its beats as evenly
 * as they go, the first chords taking the beats left over: in 4/4, 2 chords take 2 + 2 beats, 3 chords
 * 2 + 1 + 1 (4 + 2 + 2 steps), 4 chords a beat each; in 3/4, 2 chords 2 + 1 beats, 3 chords one each.
 * Write "/" for a beat of the chord before ("| C / / F |": C three beats, F one; "| C / F / |": two
 * and two) and "%" for the bar before again. The bars are voiced with a {@link Voicing}; the
 * progression keeps every symbol as the user typed it. Pickup bars are not written in this text: every
 * bar is a whole bar of the meter.
 */
public record Progression(TimeSignature meter, List<Bar> bars) {
    /** Eighth-note steps per 4/4 bar, as the paper's encoding has them. */
    public static final int STEPS_PER_BAR = 8;
    /** Eighth-note steps per quarter-note beat. */
    public static final int STEPS_PER_BEAT = 2;
    /** The longest bar, in beats. */
    public static final int MAX_BEATS = 12;

    /** One chord of a bar: the voiced chord (under the symbol as typed), its name, and its beats. */
    public record Change(Chord chord, ChordName name, int beats) {}

    /** One bar: its changes, in order, and the bar as written ("Dm7 G7", "C / / F"). */
    public record Bar(List<Change> changes, String text) {
        public Bar {
            changes = List.copyOf(changes);
        }

        public int beats() {
            return changes.stream().mapToInt(Change::beats).sum();
        }
    }

    public Progression {
        bars = List.copyOf(bars);
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("a progression needs at least one bar");
        }
    }

    /** {@link #parse(String, Voicing)} in the core voicing. */
    public static Progression parse(String text) {
        return parse(text, Voicing.CORE);
    }

    /**
     * Parses a progression. Symbols are separated by spaces. When the text holds a bar line
     * {@code |}, the bars are what lies between bar lines (empty cells, as in "||", are skipped);
     * without bar lines each symbol is one bar. The first thing written may be the meter ("3/4").
     * Symbols: see {@link ChordName}.
     *
     * @throws IllegalArgumentException naming the first bad symbol, bar or meter
     */
    public static Progression parse(String text, Voicing voicing) {
        String s = text == null ? "" : text.trim();
        TimeSignature meter = TimeSignature.FOUR_FOUR;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\|?\\s*(\\d+)/(\\d+)(?=\\s|\\||$)").matcher(s);
        if (m.find()) {
            meter = meter(m.group(1) + "/" + m.group(2));
            s = (s.startsWith("|") ? "|" : "") + s.substring(m.end());
        }
        List<String> cells = new ArrayList<>();
        if (s.contains("|")) {
            for (String cell : s.split("\\|", -1)) {
                if (!cell.isBlank()) {
                    cells.add(cell.trim());
                }
            }
        } else if (!s.isEmpty()) {
            cells.addAll(List.of(s.split("\\s+")));
        }
        int beats = meter.numerator();
        List<Bar> bars = new ArrayList<>();
        Change last = null;
        for (String cell : cells) {
            String[] slots = cell.split("\\s+");
            if (slots.length == 1 && slots[0].equals("%")) {
                if (bars.isEmpty()) {
                    throw new IllegalArgumentException("'%' repeats the bar before, and the first bar has none");
                }
                Bar previous = bars.get(bars.size() - 1);
                bars.add(previous);
                last = previous.changes().get(previous.changes().size() - 1);
                continue;
            }
            if (slots.length > beats) {
                throw new IllegalArgumentException("the bar '" + cell + "' holds " + slots.length + " chords; a " + meter
                        + " bar holds 1 to " + beats + " (one a beat at most)");
            }
            List<Change> changes = new ArrayList<>();
            for (int k = 0; k < slots.length; k++) {
                int b = beats / slots.length + (k < beats % slots.length ? 1 : 0);
                String slot = slots[k];
                if (slot.equals("%")) {
                    throw new IllegalArgumentException("the bar '" + cell + "': '%' repeats a whole bar and stands alone"
                            + " between bar lines; '/' repeats the chord before for a beat");
                }
                if (slot.equals("/")) {
                    if (last == null) {
                        throw new IllegalArgumentException("'/' repeats the chord before, and the first bar starts with it");
                    }
                    if (!changes.isEmpty()) {
                        Change prev = changes.remove(changes.size() - 1);
                        changes.add(new Change(prev.chord(), prev.name(), prev.beats() + b));
                        continue;
                    }
                    changes.add(new Change(last.chord(), last.name(), b));
                } else {
                    ChordName name = ChordName.parse(slot);
                    changes.add(new Change(ChordSymbols.voice(name, voicing), name, b));
                }
                last = changes.get(changes.size() - 1);
            }
            bars.add(new Bar(changes, String.join(" ", slots)));
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no chords given (" + ChordSymbols.EXAMPLES + ")");
        }
        return new Progression(meter, bars);
    }

    /** A meter of quarter-note beats, "3/4", "4/4", 1 to {@value #MAX_BEATS} beats. */
    public static TimeSignature meter(String text) {
        String[] p = text.trim().split("/");
        try {
            int n = Integer.parseInt(p[0]);
            int d = Integer.parseInt(p[1]);
            if (d == 4 && n >= 1 && n <= MAX_BEATS) {
                return new TimeSignature(n, d);
            }
        } catch (RuntimeException e) {
            // named below
        }
        throw new IllegalArgumentException("the meter '" + text.trim() + "': bebop's grid counts quarter-note beats "
                + "of two eighth-note steps, so a bar is 1/4 to " + MAX_BEATS + "/4 (4/4, 3/4, ...)");
    }

    /** Steps of one bar: two a beat. */
    public int stepsPerBar() {
        return meter.numerator() * STEPS_PER_BEAT;
    }

    /** Steps of one pass through the progression. */
    public int steps() {
        return bars.size() * stepsPerBar();
    }

    /** The chord sounding at eighth-note step {@code step} (0-based, cycling through the bars). */
    public Chord chordAtStep(int step) {
        return changeAt(step, stepsPerBar()).chord();
    }

    /**
     * The change sounding at step {@code step} of a grid of {@code stepsPerBar} steps a bar: a change
     * starting on beat {@code b} starts on step {@code floor(stepsPerBar * b / beats)}.
     */
    public Change changeAt(int step, int stepsPerBar) {
        int s = Math.floorMod(step, bars.size() * stepsPerBar);
        Bar bar = bars.get(s / stepsPerBar);
        int pos = s % stepsPerBar;
        int beat = 0;
        Change found = bar.changes().get(0);
        for (Change c : bar.changes()) {
            if ((long) stepsPerBar * beat / meter.numerator() <= pos) {
                found = c;
            }
            beat += c.beats();
        }
        return found;
    }

    /**
     * The symbols of a piece of {@code steps} steps on a grid of {@code stepsPerBar} steps a bar, each
     * step {@code ticksPerStep} ticks: one at every change and again at the start of every bar.
     */
    public List<ChordSymbol> chordSymbols(int steps, int stepsPerBar, long ticksPerStep) {
        return chordSymbols(steps, stepsPerBar, ticksPerStep, null);
    }

    /**
     * {@link #chordSymbols(int, int, long)}, each naming how it was voiced ({@code voicing}: "core: C3 Eb3
     * F3 A3"; N.C. "core: nothing"); null for symbols alone.
     */
    public List<ChordSymbol> chordSymbols(int steps, int stepsPerBar, long ticksPerStep, Voicing voicing) {
        List<ChordSymbol> out = new ArrayList<>();
        for (int barStart = 0; barStart < steps; barStart += stepsPerBar) {
            Bar bar = bars.get((barStart / stepsPerBar) % bars.size());
            int beat = 0;
            for (Change c : bar.changes()) {
                long at = barStart + (long) stepsPerBar * beat / meter.numerator();
                if (at < steps) {
                    out.add(new ChordSymbol(at * ticksPerStep, c.chord().symbol(), voicing == null ? null : voiced(c.chord(), voicing)));
                }
                beat += c.beats();
            }
        }
        return out;
    }

    private static String voiced(Chord chord, Voicing voicing) {
        StringBuilder sb = new StringBuilder(voicing.label()).append(':');
        for (int note : chord.notes()) {
            sb.append(' ').append(Pitch.name(note));
        }
        return chord.notes().isEmpty() ? sb.append(" nothing").toString() : sb.toString();
    }

    /** Every distinct chord, in the order they first sound. */
    public List<Chord> distinctChords() {
        Map<String, Chord> chords = new LinkedHashMap<>();
        for (Bar b : bars) {
            for (Change c : b.changes()) {
                chords.putIfAbsent(c.chord().symbol(), c.chord());
            }
        }
        return List.copyOf(chords.values());
    }

    /** The progression as text, one bar per cell, the meter first unless 4/4: "| C7 | F7 | Dm7 G7 |". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(meter.equals(TimeSignature.FOUR_FOUR) ? "" : meter + " ").append("|");
        for (Bar bar : bars) {
            sb.append(' ').append(bar.text()).append(" |");
        }
        return sb.toString();
    }
}
