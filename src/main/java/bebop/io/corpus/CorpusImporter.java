package bebop.io.corpus;

import bebop.UserError;
import bebop.data.Split.Part;
import bebop.data.corpus.ChordSource;
import bebop.data.corpus.ExtractedPiece;
import bebop.data.corpus.FileOutcome;
import bebop.data.corpus.ImportOptions;
import bebop.data.corpus.PieceExtractor;
import bebop.data.corpus.PieceVersion;
import bebop.data.corpus.Rejection;
import bebop.data.corpus.Transposition;
import bebop.io.AtomicFiles;
import bebop.io.midi.MidiFile;
import bebop.io.midi.MidiReader;
import bebop.io.model.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Imports a folder of MIDI files: reads each one (in parallel, results in path order), extracts its
 * piece or the reason it cannot be one, and splits the imported pieces train/valid/test. Never stops
 * at a bad file: every file found ends up in the result, imported or rejected. Files with identical
 * bytes count as one piece for the split (they go to the same part).
 */
public final class CorpusImporter {
    private CorpusImporter() {}

    /** Lists and imports a folder; a folder that does not exist or cannot be listed is a {@link UserError}. */
    public static CorpusImport run(Path folder, ImportOptions options) {
        return run(CorpusFiles.scan(folder), options);
    }

    /** Reads the files on this machine's cores. */
    public static final FileReading LOCAL = (found, options) -> IntStream.range(0, found.files().size()).parallel()
            .mapToObj(i -> importFile(found.root(), found.files().get(i), options))
            .toList();

    /** Imports the files found by {@link CorpusFiles#scan}. */
    public static CorpusImport run(CorpusFiles found, ImportOptions options) {
        return run(found, options, LOCAL);
    }

    /** Imports the files found by {@link CorpusFiles#scan}, read by {@code reading}. */
    public static CorpusImport run(CorpusFiles found, ImportOptions options, FileReading reading) {
        List<FileResult> results = reading.read(found, options);
        if (results.size() != found.files().size()) {
            throw new IllegalStateException(results.size() + " results for " + found.files().size() + " files");
        }
        // files with identical bytes are one piece for the split, so a copy never leaks from train into test
        Map<String, Integer> groupOf = new LinkedHashMap<>();
        for (FileResult r : results) {
            if (r.imported()) {
                groupOf.putIfAbsent(r.sha256(), groupOf.size());
            }
        }
        Part[] splits = Part.assign(groupOf.size(), options.seed());
        List<FileResult> withSplits = new ArrayList<>(results.size());
        for (FileResult r : results) {
            withSplits.add(r.imported() ? r.withSplit(splits[groupOf.get(r.sha256())]) : r);
        }
        return new CorpusImport(found, options, withSplits);
    }

    /** Reads and extracts one file ({@code path} under {@code root}); any problem becomes a rejection. */
    public static FileResult importFile(Path root, String path, ImportOptions options) {
        Path file = root.resolve(path);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return rejected(path, -1, null, new FileOutcome.Rejected(Rejection.UNREADABLE, "unreadable (a folder)"));
            }
            long size = Files.size(file);
            if (size > MidiReader.MAX_FILE_BYTES) {
                return rejected(path, size, null, new FileOutcome.Rejected(Rejection.UNSUPPORTED,
                        "too large for a MIDI file (" + size + " bytes)"));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return rejected(path, -1, null, new FileOutcome.Rejected(Rejection.UNREADABLE,
                    "unreadable (" + AtomicFiles.describe(e) + ")"));
        }
        String sha = Fingerprint.of(bytes);
        MidiFile midi;
        try {
            midi = MidiReader.parse(bytes, path);
        } catch (UserError e) {
            return rejected(path, bytes.length, sha, ReadProblems.rejection(path, e.getMessage()));
        } catch (RuntimeException e) {
            return rejected(path, bytes.length, sha, new FileOutcome.Rejected(Rejection.CORRUPT,
                    "corrupt MIDI file (" + e + ")"));
        }
        FileOutcome outcome;
        try {
            outcome = PieceExtractor.extract(midi.score(), options.grid(), options.melody());
        } catch (RuntimeException e) {
            outcome = new FileOutcome.Rejected(Rejection.UNSUPPORTED, "bebop could not import it (internal error: " + e + ")");
        }
        return new FileResult(path, bytes.length, sha, midi.format(), outcome, null);
    }

    private static FileResult rejected(String path, long bytes, String sha, FileOutcome.Rejected why) {
        return new FileResult(path, bytes, sha, -1, why, null);
    }

    /** The versions of a piece that go into the data set for a transposition option, with the recognised chords. */
    public static List<PieceVersion> versions(ExtractedPiece piece, Transposition t) {
        return versions(piece, t, ChordSource.RECOGNISED);
    }

    /** The versions of a piece that go into the data set for a transposition option and chord source. */
    public static List<PieceVersion> versions(ExtractedPiece piece, Transposition t, ChordSource chords) {
        return switch (t) {
            case NONE -> List.of(piece.version(0, chords));
            case TO_C -> List.of(piece.version(piece.key().shiftToC(), chords));
            case ALL12 -> IntStream.rangeClosed(Transposition.LOWEST_SHIFT, Transposition.HIGHEST_SHIFT)
                    .mapToObj(s -> piece.version(s, chords)).toList();
        };
    }
}
