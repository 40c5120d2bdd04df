package bebop.studio;

import bebop.app.Composition;
import bebop.app.ScoreFiles;
import bebop.app.ScoreFormat;
import bebop.music.ChordSymbol;
import bebop.music.Note;
import bebop.music.Part;
import bebop.music.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/compose} answers: the grid (ticks per quarter and bar, bars, tempo), the chord
 * symbols by tick, each part's notes as {@code [pitch, start, duration, velocity]}, and a download
 * link per file format (PDF only where LilyPond is installed).
 */
record CompositionView(String id, String description, int ticksPerQuarter, long ticksPerBar, long bars,
                       double tempo, double seconds, List<Map<String, Object>> chords,
                       List<Map<String, Object>> parts, Map<String, String> downloads) {

    /** The view of a composition with its description as the page shows it (a primer by id, not by path). */
    static CompositionView of(String id, Composition c, String description) {
        Score s = c.score();
        List<Map<String, Object>> chords = new ArrayList<>();
        for (ChordSymbol cs : s.chordSymbols()) {
            chords.add(Map.of("start", cs.start(), "symbol", cs.symbol()));
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        for (Part p : s.parts()) {
            List<long[]> notes = new ArrayList<>();
            for (Note n : p.notes()) {
                notes.add(new long[] {n.pitch(), n.start(), n.duration(), n.velocity()});
            }
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("name", p.name());
            part.put("notes", notes);
            parts.add(part);
        }
        Map<String, String> downloads = new LinkedHashMap<>();
        for (ScoreFormat f : c.allFormats()) {
            if (ScoreFiles.unavailable(f).isEmpty()) {
                downloads.put(f.name(), "/api/compositions/" + id + "." + f.name());
            }
        }
        return new CompositionView(id, description, s.ticksPerQuarter(), s.ticksPerBar(), s.bars(),
                s.tempoBpm(), s.seconds(), chords, parts, downloads);
    }
}
