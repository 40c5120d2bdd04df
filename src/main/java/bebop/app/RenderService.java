package bebop.app;

import bebop.UserError;
import bebop.data.corpus.ExtractedPiece;
import bebop.data.corpus.FileOutcome;
import bebop.data.corpus.Grid;
import bebop.data.corpus.HalfBarChord;
import bebop.data.corpus.MelodyChoice;
import bebop.data.corpus.PieceExtractor;
import bebop.music.ChordSymbol;
import bebop.io.midi.MidiReader;
import bebop.music.Part;
import bebop.music.Score;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Rendering a MIDI file as scores, audio or a picture. */
public final class RenderService {
    private RenderService() {}

    /**
     * A MIDI file read for rendering, the prefix its files get, and where its chord symbols came from
     * (null when from the file or its Chords part; else a sentence saying they were recognised).
     */
    public record Rendering(Score score, String base, String recognised) {
        /** True when the score has a part named Chords (a chord staff needs one). */
        public boolean hasChords() {
            return score.part(Part.CHORDS).isPresent();
        }
    }

    /**
     * Reads {@code in} to write as {@code formats} under {@code prefix} (null: {@code in} without its
     * extension); refuses to overwrite the input. A score without a title gets the prefix's name.
     */
    public static Rendering read(Path in, Collection<ScoreFormat> formats, String prefix) {
        Score score = MidiReader.read(in);
        String base = prefix != null ? ScoreFiles.prefix(prefix) : in.toString().replaceFirst("(?i)\\.(mid|midi|smf)$", "");
        if (score.title().isBlank()) {
            score = score.withTitle(Path.of(base).getFileName().toString());
        }
        if (formats.contains(ScoreFormat.mid)
                && Path.of(base + ".mid").toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())) {
            throw new UserError("--to mid would overwrite " + in + "; give another --out");
        }
        String recognised = null;
        if (score.chordSymbols().isEmpty() && score.part(Part.CHORDS).isEmpty()) {
            Recognised r = recognise(score);
            if (r != null && !r.symbols().isEmpty()) {
                score = score.withChordSymbols(r.symbols());
                recognised = String.format(Locale.ROOT, "chord symbols recognised from the notes (the file has none): "
                        + "%d of %d half bars with harmony", r.recognised(), r.harmonised());
            }
        }
        return new Rendering(score, base, recognised);
    }

    /** Chord symbols found in a score's notes, and in how many of its half bars with harmony a chord was recognised. */
    public record Recognised(List<ChordSymbol> symbols, int recognised, int harmonised) {}

    /**
     * The chords of a score that has none written, one a half bar as {@code bebop import} recognises them
     * (on the eighth-note grid, the melody found by the same rules): a symbol where the chord changes and
     * again at the start of a bar where it goes on; a half bar with no chord recognised continues the chord
     * before; silence after a chord is N.C. Null when the score cannot be read as a piece (no melody, too
     * short).
     */
    public static Recognised recognise(Score score) {
        if (!(PieceExtractor.extract(score, Grid.EIGHTH, MelodyChoice.AUTO) instanceof FileOutcome.Imported imported)) {
            return null;
        }
        ExtractedPiece p = imported.piece();
        int spq = Grid.EIGHTH.stepsPerQuarter();
        long offset = (long) p.firstBar() * p.stepsPerBar();
        List<ChordSymbol> out = new ArrayList<>();
        String last = null;
        for (HalfBarChord c : p.chords()) {
            String symbol = c.recognised();
            if (symbol.equals(HalfBarChord.UNRECOGNISED) || (symbol.equals("N.C.") && last == null)) {
                continue;
            }
            boolean barStart = c.step() % p.stepsPerBar() == 0;
            if (!symbol.equals(last) || (barStart && !symbol.equals("N.C."))) {
                out.add(new ChordSymbol((offset + c.step()) * score.ticksPerQuarter() / spq, symbol));
            }
            last = symbol;
        }
        return new Recognised(out, p.recognisedHalfBars(), p.harmonisedHalfBars());
    }
}
