package bebop.app;

import bebop.UserError;
import bebop.io.model.FrameFormats;
import bebop.io.model.LstmModels;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.io.poly.ModernModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Reads models: a file of any kind train writes, or the model bundled in the jar. */
public final class Models {
    /** The bundled model's resource: Experiment 2, seed 1 (see README). */
    public static final String BUNDLED = "/models/blues.bebop";
    static final String BUNDLED_LABEL = "the bundled model";

    private Models() {}

    /**
     * What a model's file says of it: its header (kind, provenance with the command line that trained
     * it, config, metrics, extra), as {@code .bebop} files hold it.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode header(LoadedModel m) {
        return ModelFile.header(m instanceof BluesModel b ? b.model().model() : ((DataModel) m).model());
    }

    /** The model in {@code file}, or the bundled one when {@code file} is null. */
    public static LoadedModel load(Path file) {
        if (file == null) {
            return bundled();
        }
        return load(ModelFile.read(file), file);
    }

    /** The model {@code m}, read from {@code file}, ready to compose with. */
    static LoadedModel load(Model m, Path file) {
        FrameFormats.Frames frames = frames(m, file);
        if (isBlues(m, frames)) {
            return new BluesModel(LstmModels.of(m, file.toString()), file.toString());
        }
        return new DataModel(m, file.toString(), frames.format(), frames.primers());
    }

    public static BluesModel bundled() {
        return new BluesModel(LstmModels.fromBytes(bundledBytes(), BUNDLED_LABEL), BUNDLED_LABEL);
    }

    /** The bundled model's file, as bytes (what {@code bebop train} wrote, provenance inside). */
    public static byte[] bundledBytes() {
        try (InputStream in = Models.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new UserError("this bebop has no bundled model (" + BUNDLED + "); give --model M.bebop");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UserError("cannot read the bundled model: " + e.getMessage(), e);
        }
    }

    /**
     * True for a model of the paper's blues (train --experiment, or --data blues --trainer paper):
     * composed and evaluated against the blues data set; any other model by its recorded frames.
     */
    private static boolean isBlues(Model m, FrameFormats.Frames frames) {
        String experiment = m.extra().path("experiment").asText("");
        return m.kind().equals(LstmModels.KIND) && frames.format().isBlues()
                && (experiment.equals("chords") || experiment.equals("melody"));
    }

    /** What a model file's frames mean (a user error naming the file when the record is broken). */
    private static FrameFormats.Frames frames(Model m, Path file) {
        if (!m.kind().equals(LstmModels.KIND) && !m.kind().equals(ModernModels.KIND)) {
            throw new UserError(file + ": holds a '" + m.kind() + "' model; compose reads '" + LstmModels.KIND + "' and '"
                    + ModernModels.KIND + "' models (train writes them; a checkpoint is not one)");
        }
        try {
            return FrameFormats.of(m);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": its frame format is not readable: " + e.getMessage(), e);
        }
    }
}
