package bebop.io.corpus;

import bebop.data.corpus.ImportOptions;
import java.util.List;

/**
 * How an import reads its files into {@link FileResult}s, one a file in the order of
 * {@link CorpusFiles#files()}: on this machine's cores ({@link CorpusImporter#LOCAL}) or as Spark
 * tasks (bebop's Spark part); what follows (split, data set files) is the same code either way.
 */
@FunctionalInterface
public interface FileReading {
    List<FileResult> read(CorpusFiles found, ImportOptions options);
}
