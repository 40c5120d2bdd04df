package bebop.spark;

import bebop.data.corpus.ImportOptions;
import bebop.io.corpus.CorpusFiles;
import bebop.io.corpus.CorpusImporter;
import bebop.io.corpus.FileReading;
import bebop.io.corpus.FileResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code import --spark}: each file read and extracted by the core's own {@link CorpusImporter#importFile}
 * in a Spark task, the results gathered in the files' order; the core then splits and writes them as
 * for a plain import. On a cluster, DIR must be at the same path on every worker (a shared folder).
 */
final class SparkImport implements FileReading {
    private final String master;

    SparkImport(String master) {
        this.master = master;
    }

    @Override
    public List<FileResult> read(CorpusFiles found, ImportOptions options) {
        String root = found.root().toAbsolutePath().toString();
        byte[] opts = RecordCodec.encode(options);
        try (JavaSparkContext sc = Contexts.open(master, "bebop import", "--master")) {
            int slices = Math.max(1, Math.min(found.files().size(), sc.defaultParallelism() * 4));
            // collect() keeps the order of the list, whatever task finished first
            return sc.parallelize(found.files(), slices)
                    .map(path -> RecordCodec.encode(CorpusImporter.importFile(Path.of(root), path,
                            RecordCodec.decode(opts, ImportOptions.class))))
                    .collect().stream()
                    .map(bytes -> RecordCodec.decode(bytes, FileResult.class))
                    .toList();
        }
    }
}
