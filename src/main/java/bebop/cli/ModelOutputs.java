package bebop.cli;

import bebop.UserError;
import bebop.app.TrainedModel;
import bebop.io.model.ModelFile;
import bebop.io.plot.LearningCurve;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a model's companion files go, the checks made before hours of training, and the writing after. */
final class ModelOutputs {
    private ModelOutputs() {}

    /** M.curve.png beside M.bebop. */
    static Path curvePng(Path model) {
        return model.resolveSibling(stem(model) + ".curve.png");
    }

    /** M.ckpt.bebop beside M.bebop. */
    static Path checkpoint(Path model) {
        return model.resolveSibling(stem(model) + ".ckpt.bebop");
    }

    private static String stem(Path model) {
        String name = model.getFileName().toString();
        return name.endsWith(".bebop") ? name.substring(0, name.length() - 6) : name;
    }

    static void checkWritable(Path file, String flag) {
        if (Files.isDirectory(file)) {
            throw new UserError(flag + " " + file + ": is a folder; give a file name such as model.bebop");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new UserError(flag + " " + file + ": " + parent + " is not a folder");
        }
        if (Files.isDirectory(parent) && !Files.isWritable(parent)) {
            throw new UserError(flag + " " + file + ": cannot write in " + parent);
        }
    }

    /** Writes the model and its learning curve; returns the curve's file. */
    static Path write(TrainedModel<?> trained, Path out) {
        ModelFile.write(out, trained.model());
        Path png = curvePng(out);
        LearningCurve.write(png, trained.curve().series(), trained.curve().options());
        return png;
    }
}
