package bebop.io.corpus;

import bebop.data.corpus.FileOutcome;
import bebop.data.corpus.ImportOptions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The result of importing a folder: every file found, in path order, imported or rejected. */
public record CorpusImport(CorpusFiles found, ImportOptions options, List<FileResult> files) {
    public CorpusImport {
        files = List.copyOf(files);
    }

    public long importedCount() {
        return files.stream().filter(FileResult::imported).count();
    }

    public long rejectedCount() {
        return files.size() - importedCount();
    }

    /** Half bars of the imported files in which the accompaniment sounds. */
    public long harmonisedHalfBars() {
        return files.stream().filter(FileResult::imported).mapToLong(f -> f.piece().harmonisedHalfBars()).sum();
    }

    /** Half bars of the imported files in which a chord was recognised. */
    public long recognisedHalfBars() {
        return files.stream().filter(FileResult::imported).mapToLong(f -> f.piece().recognisedHalfBars()).sum();
    }

    /** Rejections by code ("truncated" -> 2), sorted by code. */
    public Map<String, Integer> rejectionsByCode() {
        Map<String, Integer> m = new TreeMap<>();
        for (FileResult f : files) {
            if (f.outcome() instanceof FileOutcome.Rejected r) {
                m.merge(r.rejection().code(), 1, Integer::sum);
            }
        }
        return m;
    }
}
