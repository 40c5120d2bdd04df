package bebop.io.score;

import bebop.music.ChordNamer;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a score export shows of any {@link Score}: a melody, the chords (notes and symbols) and the
 * score's title, tempo, time signature and length. Which parts are which:
 * <ul>
 *   <li>chords: the part named "Chords", when there is one;
 *   <li>chord symbols: the score's own (a MIDI file's text events); when it has none, they are named
 *       with {@link ChordNamer} from the chord part's notes sounding in each half bar (a symbol is
 *       written where it changes, and again at the start of each bar);
 *   <li>melody: the part named "Melody", else the part with the highest mean pitch that is not the
 *       chord part; a score with neither gets an empty melody (rests).
 * </ul>
 */
public record LeadSheet(String title, int ticksPerQuarter, double tempoBpm, bebop.music.TimeSignature timeSignature,
                        Part melody, Optional<Part> chords, List<ChordSymbol> chordSymbols, long length) {

    public LeadSheet {
        title = title == null ? "" : title;
        chordSymbols = List.copyOf(chordSymbols);
    }

    public static LeadSheet of(Score score) {
        Optional<Part> chords = score.part(Part.CHORDS);
        Part melody = score.part(Part.MELODY).orElseGet(() -> highest(score.parts()));
        List<ChordSymbol> symbols = score.chordSymbols();
        if (symbols.isEmpty() && chords.isPresent()) {
            symbols = nameChords(chords.get(), score.ticksPerBar());
        }
        return new LeadSheet(score.title(), score.ticksPerQuarter(), score.tempoBpm(), score.timeSignature(),
                melody, chords, symbols, score.length());
    }

    private static Part highest(List<Part> parts) {
        Part best = null;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (Part p : parts) {
            if (p.name().equals(Part.CHORDS) || p.notes().isEmpty()) {
                continue;
            }
            double mean = p.notes().stream().mapToInt(Note::pitch).average().orElse(0);
            if (mean > bestMean) {
                best = p;
                bestMean = mean;
            }
        }
        return best != null ? best : new Part(Part.MELODY, Part.MELODY_CHANNEL, Part.MELODY_PROGRAM, List.of());
    }

    /** Symbols for the notes sounding in each half bar, where they change and at each bar start. */
    static List<ChordSymbol> nameChords(Part chords, long ticksPerBar) {
        long half = Math.max(1, ticksPerBar / 2);
        long end = chords.end();
        List<ChordSymbol> out = new ArrayList<>();
        String previous = null;
        for (long t = 0; t < end; t += half) {
            long from = t;
            long to = t + half;
            List<Integer> sounding = chords.notes().stream()
                    .filter(n -> n.start() < to && n.end() > from)
                    .map(Note::pitch).distinct().sorted().toList();
            if (sounding.isEmpty()) {
                previous = null;
                continue;
            }
            String symbol = ChordNamer.name(sounding);
            if (!symbol.equals(previous) || t % ticksPerBar == 0) {
                out.add(new ChordSymbol(t, symbol));
            }
            previous = symbol;
        }
        return out;
    }
}
