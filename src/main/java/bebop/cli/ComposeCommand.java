package bebop.cli;

import bebop.UserError;
import bebop.compose.ChordFrames;
import bebop.compose.Composer;
import bebop.compose.GivenChordsComposer;
import bebop.compose.Generation;
import bebop.compose.Primers;
import bebop.encoding.FrameFormat;
import bebop.io.model.FrameFormats;
import bebop.io.model.Model;
import bebop.io.model.ModelFile;
import bebop.io.poly.ModernModels;
import bebop.nn.modern.StackSequenceModel;
import bebop.data.BluesDataset;
import bebop.encoding.LocalEncoding;
import bebop.io.midi.MidiReader;
import bebop.io.model.LstmModels;
import bebop.music.BluesForm;
import bebop.music.Progression;
import bebop.music.Score;
import bebop.nn.LstmSequenceModel;
import bebop.nn.SequenceModel;
import bebop.train.Experiment2;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bebop compose}: a trained network improvises, as in the paper: primed with the opening of
 * a training chorus (or a MIDI file), it runs free, chords thresholded at 0.5 and one melody note
 * drawn per step; the piece is written as MIDI, audio, a piano roll and scores.
 */
@Command(name = "compose", sortOptions = false,
        description = {"Let a trained network improvise blues choruses: PREFIX.mid, .wav, .png (piano roll), .musicxml, .ly.",
            "As in the paper: primed with the first steps of a training chorus (or a MIDI file), then running free,",
            "its chord outputs thresholded at 0.5 and one melody note drawn per eighth note from the melody outputs.",
            "A chords-only model (train --experiment chords) composes the chords alone.",
            "With --chords \"C7 F7 C7 C7 ...\" the network improvises its melody over your progression instead of its own chords.",
            "Any model train writes: a model of a bebop import (either trainer) plays chords and melody as above, on its own",
            "grid and bar; a piano-roll model (jsb, nottingham, a benchmark JSON) draws every key on its own (probability",
            "sharpened or flattened by --temperature) and writes PREFIX.mid, .wav and .png only (no chords apart: no --chords)."})
final class ComposeCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "M.bebop",
            description = "Model to compose with. Default: the model bundled with bebop (Experiment 2, see README).")
    Path model;

    @Option(names = "--choruses", paramLabel = "N", defaultValue = "12",
            description = "Choruses to compose (12 bars each, or one pass through --chords; primer included). Default: ${DEFAULT-VALUE}.")
    int choruses;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the primer choice and of the note draws: the same seed gives the same files. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1",
            description = "Melody temperature: notes drawn with probability p^(1/T); 1 is the paper's rule, "
                    + "lower is safer, higher wilder. Default: ${DEFAULT-VALUE}.")
    double temperature;

    @Option(names = "--primer", paramLabel = "FILE.mid",
            description = "Start from this MIDI file instead of a training chorus: parts Chords and Melody (blues models: "
                    + "in the paper's range), or for a piano-roll model all its notes.")
    Path primer;

    @Option(names = "--primer-steps", paramLabel = "K",
            description = "Start from the first K steps of a training chorus (1-96) or, for models of other data, of one "
                    + "of the training openings the model keeps. Default: one bar (8 steps for the blues).")
    Integer primerSteps;

    @Option(names = "--chords", paramLabel = "PROGRESSION",
            description = {"Improvise the melody over this progression instead of the network's own chords, e.g. "
                    + "\"C7 F7 C7 C7 F7 F7 C7 C7 G7 F7 C7 G7\": one symbol a bar, or with bar lines \"| C7 | F7 | Dm7 G7 |\" "
                    + "(1 or 2 chords a bar). Chords: C, Cm, C7, Cm7, Cmaj7, Cdim, Cdim7, Cm7b5, Caug, C6, Cm6, Csus4, Csus2 "
                    + "on any root (C#, Db, ...). A chorus is one pass through it; the primer's melody is kept, its chords are the progression's."})
    String chords;

    @Option(names = "--tempo", paramLabel = "BPM", defaultValue = "120", description = "Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Option(names = "--soundfont", paramLabel = "F.sf2", description = "SoundFont for the audio. Default: a system one, else the JDK's.")
    Path soundfont;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Writes PREFIX.mid, PREFIX.wav, PREFIX.png, PREFIX.musicxml, PREFIX.ly.")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final EnumSet<ScoreOutputs.Format> FORMATS = EnumSet.of(ScoreOutputs.Format.mid, ScoreOutputs.Format.wav,
            ScoreOutputs.Format.png, ScoreOutputs.Format.musicxml, ScoreOutputs.Format.ly);

    @Override
    public Integer call() {
        checkChoruses(choruses);
        checkTemperature(temperature);
        Options.checkTempo(tempo);
        if (primer != null && primerSteps != null) {
            throw new UserError("--primer and --primer-steps: give one or the other");
        }
        if (soundfont != null && !Files.isRegularFile(soundfont)) {
            throw new UserError("--soundfont " + soundfont + ": no such file");
        }
        checkPrefix(out);
        Progression progression = chords == null ? null : progression(chords);
        Loaded loaded;
        if (model != null) {
            Model m = ModelFile.read(model);
            FrameFormats.Frames frames = frames(m, model);
            if (!ComposeCommand.bluesModel(m, frames)) {
                return new OtherModel(m, frames).compose(progression);
            }
            loaded = new Loaded(LstmModels.of(m, model.toString()), model.toString());
        } else {
            loaded = Loaded.bundled();
        }
        if (progression != null && !loaded.melody()) {
            throw new UserError("--chords: " + loaded.label() + " is a chords-only model; it has no melody to improvise over the chords");
        }
        int k = primerSteps == null ? bebop.compose.Primers.DEFAULT_STEPS : primerSteps;
        if (k < 1 || k > LocalEncoding.STEPS_PER_CHORUS) {
            throw new UserError("--primer-steps " + k + ": must be between 1 and " + LocalEncoding.STEPS_PER_CHORUS);
        }
        PrintWriter w = spec.commandLine().getOut();
        Piece piece = primer != null
                ? Piece.compose(loaded, choruses, seed, temperature, midiPrimer(primer, loaded), primer.toString(), tempo, progression)
                : Piece.compose(loaded, choruses, seed, temperature, k, tempo, progression);
        w.println(piece.describe());
        ScoreOutputs.write(piece.score(), out.toString(), FORMATS, false, Optional.ofNullable(soundfont), w);
        w.flush();
        return 0;
    }

    /**
     * True for a model of the paper's blues (train --experiment, or --data blues --trainer paper):
     * composed and evaluated against the blues data set; any other model by its recorded frames.
     */
    static boolean bluesModel(Model m, FrameFormats.Frames frames) {
        String experiment = m.extra().path("experiment").asText("");
        return m.kind().equals(LstmModels.KIND) && frames.format().isBlues()
                && (experiment.equals("chords") || experiment.equals("melody"));
    }

    /** What a model file's frames mean (a user error naming the file when the record is broken). */
    static FrameFormats.Frames frames(Model m, Path file) {
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

    /**
     * A model of any data set other than the paper's blues (an imported corpus, a piano roll; the
     * paper's network or the modern one), composed as its frame format says ({@link Generation}).
     */
    private final class OtherModel {
        final Model m;
        final FrameFormat format;
        final List<int[][]> primers;
        final SequenceModel net;

        OtherModel(Model m, FrameFormats.Frames frames) {
            this.m = m;
            this.format = frames.format();
            this.primers = frames.primers();
            this.net = m.kind().equals(ModernModels.KIND) ? new StackSequenceModel(ModernModels.of(m, model.toString()))
                    : paperModel(LstmModels.of(m, model.toString()));
            if (net.units() != format.units()) {
                throw new UserError(model + ": its network has " + net.units() + " units but its frames ("
                        + format.describe() + ") have " + format.units());
            }
        }

        /** A MIDI file's frames in the model's units. */
        private double[][] midi(Path file) {
            Score score = MidiReader.read(file);
            double[][] frames;
            try {
                frames = format.encode(score);
            } catch (IllegalArgumentException e) {
                throw new UserError("--primer " + file + ": " + e.getMessage(), e);
            }
            for (double[] f : frames) {
                for (double v : f) {
                    if (v > 0.5) {
                        return frames;
                    }
                }
            }
            throw new UserError("--primer " + file + ": no notes to start from" + (format.isPianoRoll() ? ""
                    : " in parts named Chords or Melody"));
        }

        private static SequenceModel paperModel(LstmModels.Loaded l) {
            return new LstmSequenceModel(l.network(), l.normalizer());
        }

        int compose(Progression progression) {
            if (progression != null && !format.chordConditioned()) {
                throw new UserError("--chords: " + model + " was trained on a piano roll (" + format.describe()
                        + "), with no chords apart to follow; --chords needs a model of a bebop import folder or the blues");
            }
            if (primerSteps != null && primerSteps < 1) {
                throw new UserError("--primer-steps " + primerSteps + ": must be at least 1");
            }
            SplittableRandom root = new SplittableRandom(seed);
            SplittableRandom pick = root.split();
            SplittableRandom notes = root.split();
            int piece = primers.isEmpty() ? -1 : pick.nextInt(primers.size());
            double[][] start;
            if (primer != null) {
                start = midi(primer);
                piece = -1;
            } else {
                try {
                    start = Generation.primer(piece < 0 ? null : primers.get(piece), format.units(),
                            primerSteps == null ? 0 : primerSteps, format.stepsPerBar());
                } catch (IllegalArgumentException e) {
                    throw new UserError("--primer-steps " + primerSteps + ": " + e.getMessage(), e);
                }
            }
            int barsPerChorus = progression == null ? BluesForm.BARS : progression.bars().size();
            int steps = choruses * barsPerChorus * format.stepsPerBar();
            if (start.length >= steps) {
                throw new UserError((primer != null ? "--primer " + primer : "--primer-steps " + start.length) + ": the primer fills the " + steps
                        + "-step piece; ask for more --choruses");
            }
            double[][] frames = Generation.compose(net, format, start, steps, temperature,
                    progression == null ? null : Generation.chords(progression, steps, format), notes);
            FrameFormat f = format.composing();
            Score score = f.decode(frames, tempo, format.isPianoRoll() ? "bebop piano roll" : "bebop improvisation");
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "%d choruses of %d bars (%d bars, %.0f s at %s bpm) by %s (%s, %s, seed %d),%n"
                            + "primed with %s, %s%s.%n",
                    choruses, barsPerChorus, score.bars(), score.seconds(), Options.number(tempo), model, m.kind(),
                    format.describe(), m.provenance().seed(),
                    primer != null ? primer + " (" + start.length + " steps)"
                            : piece < 0 ? "a silent frame (the model keeps no training openings)"
                            : "the first " + start.length + " steps of training piece " + (piece + 1) + " of the "
                            + primers.size() + " the model keeps",
                    format.isPianoRoll() ? "every key drawn on its own, temperature " + Options.number(temperature)
                            : (progression == null ? "chords thresholded at 0.5, " : "") + "melody temperature "
                            + Options.number(temperature),
                    progression == null ? "" : ",\nover your chords " + progression);
            EnumSet<ScoreOutputs.Format> formats = format.isPianoRoll()
                    ? EnumSet.of(ScoreOutputs.Format.mid, ScoreOutputs.Format.wav, ScoreOutputs.Format.png) : FORMATS;
            if (format.isPianoRoll()) {
                w.println("(a piano roll has no melody and chords apart: no MusicXML or LilyPond score, MIDI, audio and piano roll only)");
            }
            ScoreOutputs.write(score, out.toString(), formats, false, Optional.ofNullable(soundfont), w);
            w.flush();
            return 0;
        }
    }

    /** The progression of {@code --chords}, or a user error naming the bad symbol or bar. */
    static Progression progression(String text) {
        try {
            return Progression.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("--chords: " + e.getMessage(), e);
        }
    }

    static void checkChoruses(int n) {
        if (n < 1 || n > 1000) {
            throw new UserError("--choruses " + n + ": must be between 1 and 1000");
        }
    }

    static void checkTemperature(double t) {
        if (!(t > 0 && t <= 100)) {
            throw new UserError("--temperature " + Options.number(t) + ": must be above 0 and at most 100 (1 is the paper's rule)");
        }
    }

    static void checkPrefix(Path prefix) {
        if (Files.isDirectory(prefix)) {
            throw new UserError("--out " + prefix + ": is a folder; give a file name prefix such as out/song");
        }
        Path parent = prefix.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new UserError("--out " + prefix + ": " + parent + " is not a folder");
        }
    }

    private static double[][] midiPrimer(Path file, Loaded loaded) {
        Score score = MidiReader.read(file);
        double[][] frames;
        try {
            frames = Primers.fromScore(score, loaded.units());
        } catch (IllegalArgumentException e) {
            throw new UserError("--primer " + file + ": " + e.getMessage(), e);
        }
        boolean anyNote = false;
        for (double[] f : frames) {
            for (double v : f) {
                anyNote |= v > 0.5;
            }
        }
        if (!anyNote) {
            throw new UserError("--primer " + file + ": no notes in parts named Chords or Melody to start from");
        }
        return frames;
    }

    /** A model ready to compose with: a file or the bundled model. */
    record Loaded(LstmModels.Loaded model, String label) {
        static final String BUNDLED = "/models/blues.bebop";

        /** The model in {@code file}, or the bundled one when {@code file} is null. */
        static Loaded of(Path file) {
            if (file != null) {
                return new Loaded(LstmModels.read(file), file.toString());
            }
            return bundled();
        }

        static Loaded bundled() {
            try (InputStream in = ComposeCommand.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new UserError("this bebop has no bundled model (" + BUNDLED + "); give --model M.bebop");
                }
                return new Loaded(LstmModels.fromBytes(in.readAllBytes(), "the bundled model"), "the bundled model");
            } catch (IOException e) {
                throw new UserError("cannot read the bundled model: " + e.getMessage(), e);
            }
        }

        int units() {
            return model.network().inputs();
        }

        boolean melody() {
            return units() == LocalEncoding.UNITS;
        }

        SequenceModel sequenceModel() {
            return new LstmSequenceModel(model.network(), model.normalizer());
        }

        BluesDataset data() {
            return BluesDataset.generate(BluesForm.of(model.form()));
        }

        /** The choruses the model never trained on, from its file (empty when it does not say). */
        int[] heldOut() {
            JsonNode training = model.model().extra().path("training");
            JsonNode held = training.path("held_out");
            if (held.isArray()) {
                int[] out = new int[held.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = held.get(i).asInt();
                }
                return out;
            }
            return new int[0];
        }

        String describe() {
            return String.format(Locale.ROOT, "%s (%s, %s form, seed %d)", label, model.experiment(),
                    model.form().label(), model.model().provenance().seed());
        }
    }

    /** A composed piece: its frames as a score, and how it was made. */
    record Piece(Score score, String how) {
        /** Primed with the first {@code primerSteps} frames of a training chorus picked with the seed. */
        static Piece compose(Loaded m, int choruses, long seed, double temperature, int primerSteps, double tempo) {
            return compose(m, choruses, seed, temperature, primerSteps, tempo, null);
        }

        /** As above; over {@code progression} (null: the network's own chords), the primer's chords replaced by it. */
        static Piece compose(Loaded m, int choruses, long seed, double temperature, int primerSteps, double tempo,
                             Progression progression) {
            SplittableRandom root = new SplittableRandom(seed);
            SplittableRandom pick = root.split();
            SplittableRandom notes = root.split();
            BluesDataset data = m.data();
            double[][] primer;
            String from;
            if (m.melody()) {
                boolean[] held = new boolean[data.choruses().size()];
                for (int i : m.heldOut()) {
                    held[i] = true;
                }
                List<BluesDataset.Chorus> training = new ArrayList<>();
                for (BluesDataset.Chorus c : data.choruses()) {
                    if (!held[c.index()]) {
                        training.add(c);
                    }
                }
                BluesDataset.Chorus c = training.get(pick.nextInt(training.size()));
                primer = Primers.firstSteps(data.frames(c), primerSteps, m.units());
                from = "the first " + primerSteps + " steps of training chorus " + c.index();
            } else {
                primer = Primers.firstSteps(BluesDataset.chordFrames(data.form()), primerSteps, m.units());
                from = "the first " + primerSteps + " steps of the form";
            }
            return make(m, choruses, temperature, primer, from, notes, tempo, progression);
        }

        /** Primed with the given frames (a MIDI file's). */
        static Piece compose(Loaded m, int choruses, long seed, double temperature, double[][] primer, String name,
                             double tempo, Progression progression) {
            SplittableRandom root = new SplittableRandom(seed);
            root.split();
            SplittableRandom notes = root.split();
            if (primer.length >= steps(choruses, progression)) {
                throw new UserError("--primer " + name + ": its " + primer.length + " steps fill the " + choruses
                        + " choruses to compose; ask for more --choruses");
            }
            return make(m, choruses, temperature, primer, name + " (" + primer.length + " steps)", notes, tempo, progression);
        }

        /** Steps of the piece: 96 a chorus, or one pass through the progression a chorus. */
        static int steps(int choruses, Progression progression) {
            return choruses * (progression == null ? LocalEncoding.STEPS_PER_CHORUS : progression.steps());
        }

        private static Piece make(Loaded m, int choruses, double temperature, double[][] primer, String from,
                                  SplittableRandom notes, double tempo, Progression progression) {
            int steps = steps(choruses, progression);
            double[][] frames;
            if (progression == null) {
                frames = Composer.compose(m.sequenceModel(), primer, steps, temperature, notes);
            } else {
                if (primer.length >= steps) {
                    throw new UserError("--chords: the piece (" + steps + " steps) is no longer than the " + primer.length
                            + "-step primer; ask for more --choruses or fewer --primer-steps");
                }
                frames = GivenChordsComposer.compose(m.sequenceModel(), primer, ChordFrames.of(progression, steps),
                        temperature, notes);
            }
            Score score = LocalEncoding.decode(frames, tempo, m.melody() ? "bebop blues" : "bebop blues (chords)");
            String how = String.format(Locale.ROOT,
                    "%d choruses (%d bars, %.0f s at %s bpm) by %s,%nprimed with %s, %s%s.",
                    choruses, score.bars(), score.seconds(), Options.number(tempo), m.describe(), from,
                    m.melody() ? "melody temperature " + Options.number(temperature)
                            : "chords only (a chords-only model plays no melody)",
                    progression == null ? "" : ",\nover your chords " + progression);
            return new Piece(score, how);
        }

        String describe() {
            return how;
        }
    }
}
