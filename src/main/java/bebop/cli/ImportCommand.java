package bebop.cli;

import bebop.UserError;
import bebop.app.ImportService;
import bebop.data.corpus.ChordSource;
import bebop.data.corpus.Grid;
import bebop.data.corpus.ImportOptions;
import bebop.data.corpus.MelodyChoice;
import bebop.data.corpus.Transposition;
import bebop.io.corpus.CorpusImporter;
import bebop.io.corpus.FileResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bebop import DIR --out DATASET}: a folder of MIDI files -> a data set and a report of every file. */
@Command(name = "import", sortOptions = false,
        header = "Import your own MIDI files as a data set, with a report of every file.",
        description = {
            "Import your own MIDI files: every .mid/.midi file under DIR (any depth) is quantised to a grid, "
                    + "its melody (the top voice of one part) and harmony (one chord per half bar from the other "
                    + "parts; drums ignored) taken, optionally transposed, and split 80/10/10 by piece.",
            "Writes DATASET/dataset.json (piano roll: {\"train\",\"valid\",\"test\"} -> pieces -> frames -> MIDI "
                    + "pitches, chords in 48-59 and the melody as it sounds), DATASET/pieces.json (melody and "
                    + "chords apart), DATASET/meta.json (grid, provenance) and DATASET/report.txt / report.json "
                    + "(every file, imported or rejected with the reason).",
            "Exit code 0 when at least one file was imported, 2 when none was."})
final class ImportCommand implements Callable<Integer> {
    private static final int SHOWN_REJECTIONS = 10;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder of MIDI files (searched recursively).")
    Path dir;

    @Option(names = "--out", required = true, paramLabel = "DATASET", description = "Folder to write the data set into.")
    Path out;

    @Option(names = "--grid", paramLabel = "8th|16th", defaultValue = "8th",
            description = "One frame per eighth note (the paper's) or per sixteenth. Default: ${DEFAULT-VALUE}.")
    String grid;

    @Option(names = "--transpose", paramLabel = "none|C|all12", defaultValue = "none",
            description = "Keep keys; move each piece to C major / A minor by the smallest interval (key estimated "
                    + "by Krumhansl-Schmuckler); or keep all 12 transpositions (same split as their piece). "
                    + "Default: ${DEFAULT-VALUE}.")
    String transpose;

    @Option(names = "--melody", paramLabel = "auto|track:N|channel:N", defaultValue = "auto",
            description = "The melody part: auto (a part named melody/lead/vocal/voice/solo that is a line, else the "
                    + "highest mostly-monophonic part, else the highest part), track:N (part N as 'bebop inspect' "
                    + "numbers them) or channel:N (MIDI channel 1-16). Default: ${DEFAULT-VALUE}.")
    String melody;

    @Option(names = "--chords", paramLabel = "recognised|raw", defaultValue = "recognised",
            description = "What the data set's chord units hold for each half bar: the pitch classes of the chord "
                    + "recognised from all its notes (template matching weighted by duration, beat and bass; as a typed "
                    + "symbol is voiced in the core voicing; the raw set where no chord is recognised) or the raw set of "
                    + "pitch classes sounding. pieces.json keeps both. Default: ${DEFAULT-VALUE}.")
    String chords;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the train/valid/test split (a whole number). Default: ${DEFAULT-VALUE}.")
    String seed;

    @Option(names = "--spark", description = "Read the files as Apache Spark tasks (bebop's Spark part: run through "
            + "./bebop): the same data set and report, byte for byte.")
    boolean spark;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --spark: local[*] (this machine, the default) or a cluster, spark://HOST:PORT (DIR then "
                    + "at the same path on every worker).")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ImportOptions options = new ImportOptions(parse("--grid", grid, Grid::parse),
                parse("--transpose", transpose, Transposition::parse), parse("--melody", melody, MelodyChoice::parse),
                parse("--seed", seed, ImportCommand::seed), parse("--chords", chords, ChordSource::parse));
        if (master != null && !spark) {
            throw new UserError("--master " + master + ": goes with --spark");
        }
        ImportService.Imported imported = ImportService.run(dir, options, out, spark
                ? SparkPart.find("import --spark").importer(master == null ? "local[*]" : master) : CorpusImporter.LOCAL);
        var result = imported.result();
        int n = result.files().size();
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "imported %d of %d MIDI file%s from %s in %.1f s (%d rejected)%n",
                result.importedCount(), n, n == 1 ? "" : "s", dir, imported.seconds(), result.rejectedCount());
        int shown = 0;
        for (FileResult f : result.files()) {
            if (!f.imported() && shown++ < SHOWN_REJECTIONS) {
                w.printf(Locale.ROOT, "  rejected %s: %s%n", f.path(), ImportService.reason(f));
            }
        }
        if (result.rejectedCount() > SHOWN_REJECTIONS) {
            w.printf(Locale.ROOT, "  ... and %d more rejected (see %s)%n", result.rejectedCount() - SHOWN_REJECTIONS,
                    imported.report());
        }
        if (result.importedCount() > 0) {
            long h = result.harmonisedHalfBars();
            w.printf(Locale.ROOT, "chords recognised in %d of %d half bars with harmony (%.1f %%); the data set holds the %s%n",
                    result.recognisedHalfBars(), h, h == 0 ? 0.0 : 100.0 * result.recognisedHalfBars() / h,
                    options.chords() == ChordSource.RAW ? "raw sets" : "recognised chords");
        }
        w.println("wrote:");
        for (Path p : imported.written()) {
            w.println("  " + p);
        }
        w.flush();
        return 0;
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static <T> T parse(String flag, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UserError(flag + " " + value + ": " + e.getMessage());
        }
    }
}
