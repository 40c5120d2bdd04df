package bebop.app;

import bebop.UserError;
import bebop.data.corpus.FileOutcome;
import bebop.data.corpus.ImportOptions;
import bebop.io.corpus.CorpusFiles;
import bebop.io.corpus.CorpusImport;
import bebop.io.corpus.CorpusImporter;
import bebop.io.corpus.DatasetWriter;
import bebop.io.corpus.FileResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Importing a folder of MIDI files as a data set, with a report of every file. */
public final class ImportService {
    private ImportService() {}

    /** The import: every file's result, the files written, the seconds it took, and where the report is. */
    public record Imported(CorpusImport result, List<Path> written, double seconds, Path report) {}

    /**
     * Imports every MIDI file under {@code dir} into the data set folder {@code out} (the report is
     * written even when no file could be imported, which is then a user error pointing at it).
     */
    public static Imported run(Path dir, ImportOptions options, Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(out + ": is a file, not a folder (--out needs a folder)");
        }
        CorpusFiles found = CorpusFiles.scan(dir);
        if (found.files().isEmpty()) {
            throw new UserError(dir + ": no MIDI files (.mid, .midi) found" + (found.otherFiles() > 0
                    ? " among its " + found.otherFiles() + " file" + (found.otherFiles() == 1 ? "" : "s") : ""));
        }
        long start = System.nanoTime();
        CorpusImport result = CorpusImporter.run(found, options);
        List<Path> written = DatasetWriter.write(out, result);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path report = out.resolve(DatasetWriter.REPORT_TEXT);
        if (result.importedCount() == 0) {
            int n = result.files().size();
            FileResult first = result.files().get(0);
            throw new UserError(String.format(Locale.ROOT, "%s: none of the %d MIDI file%s could be imported "
                    + "(%s: %s); see %s", dir, n, n == 1 ? "" : "s", first.path(), reason(first), report));
        }
        return new Imported(result, written, seconds, report);
    }

    /** Why a file was rejected ("imported" for one that was not). */
    public static String reason(FileResult f) {
        return f.outcome() instanceof FileOutcome.Rejected r ? r.reason() : "imported";
    }
}
