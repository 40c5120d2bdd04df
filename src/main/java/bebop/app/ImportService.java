package bebop.app;

import bebop.UserError;
import bebop.data.corpus.FileOutcome;
import bebop.data.corpus.ImportOptions;
import bebop.io.corpus.CorpusFiles;
import bebop.io.corpus.CorpusImport;
import bebop.io.corpus.CorpusImporter;
import bebop.io.corpus.DatasetWriter;
import bebop.io.corpus.FileReading;
import bebop.io.corpus.FileResult;
import bebop.io.corpus.ReportText;
import bebop.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** Importing a folder of MIDI files as a data set, with a report of every file. */
public final class ImportService {
    private ImportService() {}

    /** The import: every file's result, the files written, the seconds it took, and where the report is. */
    public record Imported(CorpusImport result, List<Path> written, double seconds, Path report) {}

    /** A file sent to be imported (a MIDI file or a zip of them): the name its sender gave it, and its bytes. */
    public record Upload(String name, byte[] bytes) {}

    /** One line of an import report: the file, whether it was imported, why not, and its split. */
    public record Row(String file, boolean imported, String reason, String split) {}

    /**
     * What an import of uploads made: every file with its outcome (files that are not MIDI by their
     * name included), how many were imported, whether a data set was written, and of the imported
     * pieces' half bars with harmony how many got a chord recognised.
     */
    public record Report(List<Row> files, int imported, int rejected, boolean kept, long harmonisedHalfBars,
                         long recognisedHalfBars) {
        public Report {
            files = List.copyOf(files);
        }

        /**
         * One sentence: "imported 2 of 3 files (1 rejected); chords recognised in 45 of 48 half bars with
         * harmony (93.8 %)", and the first rejection when none was imported.
         */
        public String summary() {
            String s = String.format(Locale.ROOT, "imported %d of %d file%s (%d rejected); %s", imported, files.size(),
                    files.size() == 1 ? "" : "s", rejected, ReportText.recognised(recognisedHalfBars, harmonisedHalfBars));
            if (imported == 0 && !files.isEmpty()) {
                Row first = files.get(0);
                s = "none of the " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " could be imported ("
                        + first.file() + ": " + first.reason() + ")";
            }
            return s;
        }
    }

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._ -]");

    /**
     * Imports every MIDI file under {@code dir} into the data set folder {@code out} (the report is
     * written even when no file could be imported, which is then a user error pointing at it).
     */
    public static Imported run(Path dir, ImportOptions options, Path out) {
        return run(dir, options, out, CorpusImporter.LOCAL);
    }

    /** As {@link #run(Path, ImportOptions, Path)}, the files read by {@code reading} (bebop's Spark part: as Spark tasks). */
    public static Imported run(Path dir, ImportOptions options, Path out, FileReading reading) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(out + ": is a file, not a folder (--out needs a folder)");
        }
        CorpusFiles found = CorpusFiles.scan(dir);
        if (found.files().isEmpty()) {
            throw new UserError(dir + ": no MIDI files (.mid, .midi) found" + (found.otherFiles() > 0
                    ? " among its " + found.otherFiles() + " file" + (found.otherFiles() == 1 ? "" : "s") : ""));
        }
        long start = System.nanoTime();
        CorpusImport result = CorpusImporter.run(found, options, reading);
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

    /**
     * Imports uploaded files as {@code bebop import} imports a folder, with its default options, into
     * the data set folder {@code out} (which must not exist yet; it appears whole or not at all, and
     * only when at least one file was imported). The uploads are unpacked into a fresh folder under
     * {@code scratch}, removed afterwards; a zip's MIDI files count one by one. Names are reduced to
     * plain file names (no folders from a sender reach the file system). A user error when there are
     * more than {@code maxFiles} files or more than {@code maxBytes} bytes once unpacked.
     */
    public static Report uploads(List<Upload> uploads, long maxBytes, int maxFiles, Path scratch, Path out) {
        if (uploads.isEmpty()) {
            throw new UserError("no files: send MIDI files (.mid, .midi) or a .zip of them");
        }
        if (Files.exists(out)) {
            throw new UserError(out.getFileName() + ": exists already");
        }
        Path dir = null;
        Path tmpOut = null;
        try {
            Files.createDirectories(scratch);
            dir = Files.createTempDirectory(scratch, ".upload-");
            List<Row> others = new ArrayList<>();
            unpack(uploads, dir, maxBytes, maxFiles, others);
            CorpusFiles found = CorpusFiles.scan(dir);
            CorpusImport result = found.files().isEmpty() ? null : CorpusImporter.run(found, ImportOptions.DEFAULTS);
            List<Row> rows = new ArrayList<>();
            int imported = 0;
            if (result != null) {
                for (FileResult f : result.files()) {
                    rows.add(new Row(f.path(), f.imported(), f.imported() ? null : reason(f),
                            f.split() == null ? null : f.split().label()));
                    imported += f.imported() ? 1 : 0;
                }
            }
            rows.addAll(others);
            rows.sort(Comparator.comparing(Row::file));
            boolean kept = imported > 0;
            if (kept) {
                tmpOut = Files.createTempDirectory(scratch, ".import-");
                DatasetWriter.write(tmpOut, result);
                Files.move(tmpOut, out, StandardCopyOption.ATOMIC_MOVE);
                tmpOut = null;
            }
            return new Report(rows, imported, rows.size() - imported, kept, result == null ? 0 : result.harmonisedHalfBars(),
                    result == null ? 0 : result.recognisedHalfBars());
        } catch (IOException e) {
            throw new UserError("cannot import the uploads: " + AtomicFiles.describe(e), e);
        } finally {
            delete(dir);
            delete(tmpOut);
        }
    }

    /** Writes each upload (or each MIDI file in a zip) into {@code dir} under a plain, unique name. */
    private static void unpack(List<Upload> uploads, Path dir, long maxBytes, int maxFiles, List<Row> others)
            throws IOException {
        Set<String> names = new HashSet<>();
        long[] bytes = new long[1];
        int files = 0;
        for (Upload u : uploads) {
            String name = plain(u.name());
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(u.bytes()))) {
                    ZipEntry e;
                    boolean any = false;
                    while ((e = zip.getNextEntry()) != null) {
                        any = true;
                        if (e.isDirectory()) {
                            continue;
                        }
                        String inner = name + "/" + plain(e.getName());
                        if (++files > maxFiles) {
                            throw tooMany(maxFiles);
                        }
                        if (!CorpusFiles.isMidiName(inner)) {
                            others.add(notMidi(unique(inner, names)));
                            continue;
                        }
                        byte[] b = read(zip, maxBytes - bytes[0], name, maxBytes);
                        bytes[0] += b.length;
                        write(dir, unique(inner, names), b);
                    }
                    if (!any) {
                        others.add(new Row(unique(name, names), false, "not a zip file, or an empty one", null));
                    }
                } catch (ZipException e) {
                    others.add(new Row(unique(name, names), false, "not a readable zip: " + e.getMessage(), null));
                }
                continue;
            }
            if (++files > maxFiles) {
                throw tooMany(maxFiles);
            }
            bytes[0] += u.bytes().length;
            if (bytes[0] > maxBytes) {
                throw new UserError("the uploads hold more than " + maxBytes + " bytes");
            }
            if (!CorpusFiles.isMidiName(name)) {
                others.add(notMidi(unique(name, names)));
                continue;
            }
            write(dir, unique(name, names), u.bytes());
        }
    }

    private static UserError tooMany(int maxFiles) {
        return new UserError("the uploads hold more than " + maxFiles + " files; send at most " + maxFiles);
    }

    private static Row notMidi(String name) {
        return new Row(name, false, "not a MIDI file by its name (.mid, .midi) nor a .zip of them", null);
    }

    private static byte[] read(InputStream in, long left, String zip, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > left) {
                throw new UserError(zip + ": unpacks to more than " + maxBytes + " bytes");
            }
        }
        return out.toByteArray();
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir)) {
            throw new IllegalStateException("an upload's name left its folder: " + name);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    /**
     * A sender's file name as a plain name: the last part of any path, characters other than letters,
     * digits, '.', '_', ' ' and '-' replaced by '_', no leading dots, at most 100 characters.
     */
    static String plain(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = UNSAFE.matcher(n).replaceAll("_").replaceFirst("^[.]+", "").strip();
        if (n.length() > 100) {
            n = n.substring(n.length() - 100);
        }
        return n.isEmpty() ? "upload" : n;
    }

    /** {@code name}, or name-2, name-3 ... (before the extension) when an earlier upload took it. */
    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = stem + "-" + i + ext;
        }
        return candidate;
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch folder left behind stays inside the caller's folder; nothing to tell the user
        }
    }

    /** Why a file was rejected ("imported" for one that was not). */
    public static String reason(FileResult f) {
        return f.outcome() instanceof FileOutcome.Rejected r ? r.reason() : "imported";
    }
}
