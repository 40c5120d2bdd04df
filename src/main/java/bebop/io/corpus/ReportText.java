package bebop.io.corpus;

import bebop.data.Split.Part;
import bebop.data.corpus.ExtractedPiece;
import bebop.data.corpus.FileOutcome;
import bebop.data.corpus.Transposition;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The import report for people: a summary, then one line per file found. */
public final class ReportText {
    private ReportText() {}

    static String of(CorpusImport r, Map<Part, List<DatasetWriter.Entry>> splits) {
        StringBuilder sb = new StringBuilder();
        var o = r.options();
        sb.append("bebop import of ").append(r.found().root().toAbsolutePath().normalize()).append('\n');
        sb.append(String.format(Locale.ROOT, "options: --grid %s --transpose %s --melody %s --seed %d --chords %s%n",
                o.grid().label(), o.transposition().label(), o.melody(), o.seed(), o.chords().label()));
        sb.append(String.format(Locale.ROOT, "found %d MIDI file%s: %d imported, %d rejected%n",
                r.files().size(), r.files().size() == 1 ? "" : "s", r.importedCount(), r.rejectedCount()));
        if (!r.rejectionsByCode().isEmpty()) {
            StringBuilder by = new StringBuilder();
            r.rejectionsByCode().forEach((code, n) -> by.append(by.length() == 0 ? "" : ", ").append(code).append(' ').append(n));
            sb.append("rejected by reason: ").append(by).append('\n');
        }
        if (r.found().otherFiles() > 0) {
            sb.append(r.found().otherFiles()).append(" other file").append(r.found().otherFiles() == 1 ? "" : "s")
                    .append(" ignored (not named .mid or .midi)\n");
        }
        for (String folder : r.found().unreadableFolders()) {
            sb.append("folder not read: ").append(folder).append('\n');
        }
        if (r.importedCount() > 0) {
            StringBuilder s = new StringBuilder();
            for (Part split : Part.values()) {
                List<DatasetWriter.Entry> list = splits.get(split);
                s.append(s.length() == 0 ? "" : ", ").append(split.label()).append(' ')
                        .append(list.stream().map(e -> e.file().path()).distinct().count()).append(" files / ")
                        .append(list.size()).append(" pieces / ")
                        .append(list.stream().mapToLong(e -> e.version().steps()).sum()).append(" frames");
            }
            sb.append("split: ").append(s).append('\n');
            sb.append(recognised(r)).append('\n');
        } else {
            sb.append("no data set written: no file could be imported\n");
        }
        sb.append('\n');
        Map<String, String> firstWithBytes = new java.util.HashMap<>();
        for (FileResult f : r.files()) {
            if (f.outcome() instanceof FileOutcome.Rejected rej) {
                sb.append("rejected  ").append(f.path()).append(": ").append(rej.reason()).append('\n');
            } else {
                String first = firstWithBytes.putIfAbsent(f.sha256(), f.path());
                sb.append("imported  ").append(f.path()).append(": ").append(details(f, o.transposition()))
                        .append(first == null ? "" : " (same bytes as " + first + ")").append('\n');
            }
        }
        return sb.toString();
    }

    /** "chords recognised in 45 of 48 half bars with harmony (93.8 %)". */
    static String recognised(CorpusImport r) {
        return recognised(r.recognisedHalfBars(), r.harmonisedHalfBars());
    }

    /** "chords recognised in 45 of 48 half bars with harmony (93.8 %)", from the two counts. */
    public static String recognised(long recognised, long harmonised) {
        return String.format(Locale.ROOT, "chords recognised in %d of %d half bars with harmony (%.1f %%)",
                recognised, harmonised, harmonised == 0 ? 0.0 : 100.0 * recognised / harmonised);
    }

    static String details(FileResult f, Transposition t) {
        ExtractedPiece p = f.piece();
        String shift = switch (t) {
            case NONE -> "";
            case TO_C -> ", shifted " + DatasetWriter.signed(p.key().shiftToC());
            case ALL12 -> ", all 12 keys";
        };
        var m = p.melodySource();
        String parts = m.parts().size() == 1 ? "part " + m.parts().get(0) : "parts " + m.parts();
        String offGrid = p.offGridNotes() == 0 ? ""
                : String.format(Locale.ROOT, " (%d started off the grid)", p.offGridNotes());
        return String.format(Locale.ROOT, "%d bars (%s), %d notes%s, key %s%s, melody %s \"%s\" (channel %d; %s), "
                        + "harmony in %d of %d half bars, chords recognised in %d, %s",
                p.bars(), p.timeSignature(), p.notes(), offGrid, p.key().name(), shift, parts, m.name(), m.channel(), m.rule(),
                p.harmonisedHalfBars(), p.chords().size(), p.recognisedHalfBars(), f.split().label());
    }
}
