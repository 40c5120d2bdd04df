package bebop.train.modern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.data.poly.BernoulliBaseline;
import bebop.data.poly.PolyDataset;
import bebop.io.poly.ModernModels;
import bebop.nn.modern.LstmStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ModernTrainerTest {
    static Path dir(String name) throws Exception {
        Path d = Path.of("target", "test-work", "modern-trainer", name);
        if (Files.exists(d)) {
            try (var w = Files.walk(d)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(d);
    }

    static void assertBitIdentical(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                throw new AssertionError("parameter " + i + " differs: " + a[i] + " vs " + b[i]);
            }
        }
    }

    @Test
    void learnsBeyondTheBernoulliBaseline() {
        PolyDataset d = TinyData.make(1, 30, 8, 8, 40);
        ModernSettings s = ModernSettings.defaults(3).withLayers(List.of(16)).withWindow(10).withBatch(8)
                .withLearningRate(0.02).withDropout(0).withMaxEpochs(15).withPatience(15);
        ModernResult r = ModernTrainer.train(d, s, "tiny", ModernListener.NONE, null);
        double baseline = BernoulliBaseline.fit(d.train()).score(d.test()).nll();
        double test = PolyEvaluation.score(r.best(), d.test(), 10, 4, 1).nll();
        assertTrue(test < 0.7 * baseline, "test NLL " + test + " vs baseline " + baseline);
        assertEquals(r.bestValid(), r.curve().stream().mapToDouble(EpochStats::validNll).min().orElseThrow());
        // evaluation does not depend on how the pieces are batched
        assertEquals(test, PolyEvaluation.score(r.best(), d.test(), 3, 1, 2).nll(), 1e-4);
    }

    @Test
    void earlyStoppingKeepsTheBestEpoch() {
        PolyDataset d = TinyData.make(2, 4, 6, 2, 30);   // tiny training set: overfits fast
        ModernSettings s = ModernSettings.defaults(4).withLayers(List.of(32)).withWindow(10).withBatch(2)
                .withLearningRate(0.05).withDropout(0).withMaxEpochs(200).withPatience(3);
        List<float[]> snapshots = new ArrayList<>();
        ModernResult r = ModernTrainer.train(d, s, "tiny", new ModernListener() {
            @Override
            public void onCheckpoint(TrainerState st) {
                snapshots.add(st.parameters());
            }
        }, null);
        assertEquals("patience", r.stopReason());
        assertEquals(r.bestEpoch() + 3, r.epochs());
        double min = r.curve().stream().mapToDouble(EpochStats::validNll).min().orElseThrow();
        assertEquals(min, r.bestValid());
        assertEquals(min, r.curve().get(r.bestEpoch() - 1).validNll());
        assertBitIdentical(snapshots.get(r.bestEpoch() - 1), r.best().parameters());
        assertTrue(r.curve().get(r.epochs() - 1).validNll() > min);
    }

    @Test
    void aStopAskedForEndsTheRunWithTheBestFinishedEpoch() {
        PolyDataset d = TinyData.make(2, 4, 6, 2, 30);
        ModernSettings s = ModernSettings.defaults(4).withLayers(List.of(8)).withWindow(10).withBatch(2)
                .withDropout(0).withMaxEpochs(200).withPatience(200);
        // asked between epochs: the run ends after the epoch just finished
        List<TrainerState> states = new ArrayList<>();
        ModernResult atEpochEnd = ModernTrainer.train(d, s, "tiny", new ModernListener() {
            @Override
            public void onCheckpoint(TrainerState st) {
                states.add(st);
            }

            @Override
            public boolean stopRequested() {
                return states.size() >= 3;
            }
        }, null);
        assertEquals(ModernTrainer.STOPPED, atEpochEnd.stopReason());
        assertEquals(3, atEpochEnd.epochs());
        assertEquals(3, atEpochEnd.curve().size());
        assertBitIdentical(states.get(atEpochEnd.bestEpoch() - 1).parameters(), atEpochEnd.best().parameters());
        // asked in the middle of epoch 3: that epoch is dropped, the best of epochs 1 and 2 is the result
        int[] updates = new int[1];
        List<EpochStats> epochs = new ArrayList<>();
        ModernResult midEpoch = ModernTrainer.train(d, s, "tiny", new ModernListener() {
            @Override
            public void onUpdate(int epoch, long done, long per, double loss, double sps) {
                if (epoch == 3) {
                    updates[0]++;
                }
            }

            @Override
            public void onEpoch(EpochStats st) {
                epochs.add(st);
            }

            @Override
            public boolean stopRequested() {
                return updates[0] >= 1;
            }
        }, null);
        assertEquals(ModernTrainer.STOPPED, midEpoch.stopReason());
        assertEquals(2, midEpoch.epochs());
        assertEquals(2, epochs.size());
        assertEquals(atEpochEnd.curve().subList(0, 2).stream().map(EpochStats::validNll).toList(),
                midEpoch.curve().stream().map(EpochStats::validNll).toList());
        assertEquals(states.get(1).bestEpoch(), midEpoch.bestEpoch());
        assertBitIdentical(states.get(1).bestParameters(), midEpoch.best().parameters());
    }

    @Test
    void resumingFromAnyCheckpointGivesTheSameBits() throws Exception {
        resumesFromAnyCheckpoint(ResumeChild.settings());
    }

    @Test
    void aNadeRunResumesFromAnyCheckpointToTheSameBits() throws Exception {
        resumesFromAnyCheckpoint(ResumeChild.nadeSettings());
    }

    void resumesFromAnyCheckpoint(ModernSettings s) throws Exception {
        PolyDataset d = ResumeChild.data();
        List<TrainerState> states = new ArrayList<>();
        ModernResult full = ModernTrainer.train(d, s, "tiny", new ModernListener() {
            @Override
            public void onCheckpoint(TrainerState st) {
                states.add(st);
            }
        }, null);
        assertTrue(full.finalState().learningRate() < s.learningRate(), "the run never decayed its learning rate");
        for (int k = 0; k < states.size() - 1; k++) {
            Path f = dir("resume").resolve("ck.bebop");
            ModernModels.writeCheckpoint(f, states.get(k), ResumeChild.PROVENANCE);
            TrainerState back = ModernModels.readCheckpoint(f);
            assertEquals(states.get(k).rngState(), back.rngState());
            assertEquals(states.get(k).bestValid(), back.bestValid());
            assertEquals(states.get(k).learningRate(), back.learningRate());
            assertEquals(states.get(k).decayBadEpochs(), back.decayBadEpochs());
            ModernResult resumed = ModernTrainer.train(d, s, "tiny", ModernListener.NONE, back);
            assertEquals(full.epochs(), resumed.epochs());
            assertEquals(full.bestEpoch(), resumed.bestEpoch());
            assertEquals(full.finalState().learningRate(), resumed.finalState().learningRate());
            assertBitIdentical(full.best().parameters(), resumed.best().parameters());
            assertBitIdentical(full.finalState().parameters(), resumed.finalState().parameters());
            assertBitIdentical(full.finalState().adamSecond(), resumed.finalState().adamSecond());
        }
    }

    @Test
    void learningRateHalvesExactlyWhenThePatienceRuleSays() {
        PolyDataset d = TinyData.make(2, 4, 6, 2, 30);   // tiny training set: overfits fast
        ModernSettings s = ModernSettings.defaults(4).withLayers(List.of(32)).withWindow(10).withBatch(2)
                .withLearningRate(0.05).withDropout(0).withMaxEpochs(200).withPatience(9).withDecayPatience(3);
        List<TrainerState> states = new ArrayList<>();
        List<EpochStats> epochs = new ArrayList<>();
        ModernResult r = ModernTrainer.train(d, s, "tiny", new ModernListener() {
            @Override
            public void onEpoch(EpochStats st) {
                epochs.add(st);
            }

            @Override
            public void onCheckpoint(TrainerState st) {
                states.add(st);
            }
        }, null);
        // replay the rule on the validation curve: after 3 epochs without a better NLL (since the best
        // epoch or the last halving) the rate halves and the parameters go back to the best epoch's
        double rate = s.learningRate();
        double best = Double.POSITIVE_INFINITY;
        int sinceBestOrDecay = 0;
        int decays = 0;
        for (int e = 0; e < epochs.size(); e++) {
            assertEquals(rate, epochs.get(e).learningRate(), "epoch " + (e + 1));
            TrainerState st = states.get(e);
            if (epochs.get(e).validNll() < best) {
                best = epochs.get(e).validNll();
                sinceBestOrDecay = 0;
            } else if (++sinceBestOrDecay == 3) {
                rate *= 0.5;
                sinceBestOrDecay = 0;
                decays++;
                assertBitIdentical(st.bestParameters(), st.parameters());
            }
            assertEquals(rate, st.learningRate(), "rate after epoch " + (e + 1));
            assertEquals(sinceBestOrDecay, st.decayBadEpochs(), "epoch " + (e + 1));
        }
        assertTrue(decays >= 2, "the run decayed " + decays + " times: " + epochs);
        assertEquals(s.learningRate() / (1 << decays), r.finalState().learningRate());
        // patience still counts from the best epoch, halvings or not
        assertEquals("patience", r.stopReason());
        assertEquals(r.bestEpoch() + 9, r.epochs());
    }

    @Test
    void noDecayKeepsTheRate() {
        PolyDataset d = TinyData.make(2, 4, 6, 2, 30);
        ModernSettings s = ModernSettings.defaults(4).withLayers(List.of(32)).withWindow(10).withBatch(2)
                .withLearningRate(0.05).withDropout(0).withMaxEpochs(40).withPatience(9).withDecayPatience(0);
        ModernResult r = ModernTrainer.train(d, s, "tiny", ModernListener.NONE, null);
        assertTrue(r.epochs() > r.bestEpoch() + 3, "no epochs without improvement to test on");
        assertTrue(r.curve().stream().allMatch(e -> e.learningRate() == 0.05));
        assertEquals(0.05, r.finalState().learningRate());
    }

    @Test
    void aKilledRunResumesToTheSameModel() throws Exception {
        killAndResume(ResumeChild.settings(), "bernoulli");
    }

    @Test
    void aKilledNadeRunResumesToTheSameModel() throws Exception {
        killAndResume(ResumeChild.nadeSettings(), "nade");
    }

    void killAndResume(ModernSettings settings, String output) throws Exception {
        Path ck = dir("kill-" + output).resolve("run.ckpt.bebop");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ResumeChild.class.getName(), ck.toString(), "400", output)
                .redirectErrorStream(true).redirectOutput(ck.resolveSibling("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ck) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(Files.exists(ck), "the child wrote no checkpoint: " + Files.readString(ck.resolveSibling("child.log")));
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        TrainerState st = ModernModels.readCheckpoint(ck);
        assertEquals(settings, st.settings());
        assertEquals(settings.nadeHidden(), st.config().nadeHidden());
        assertTrue(st.epoch() < settings.maxEpochs(), "the child was not killed part-way");
        ModernResult resumed = ModernTrainer.train(ResumeChild.data(), settings, "tiny",
                ModernListener.NONE, st);
        ModernResult whole = ModernTrainer.train(ResumeChild.data(), settings, "tiny",
                ModernListener.NONE, null);
        assertNotNull(resumed.best());
        assertTrue(whole.finalState().learningRate() < settings.learningRate(),
                "the run never decayed its learning rate");
        assertEquals(whole.finalState().learningRate(), resumed.finalState().learningRate());
        assertEquals(whole.epochs(), resumed.epochs());
        assertBitIdentical(whole.best().parameters(), resumed.best().parameters());
        assertBitIdentical(whole.finalState().parameters(), resumed.finalState().parameters());
    }

    @Test
    void settingsWrittenBeforeDecayAndInputDropoutExistedReadAsNone() {
        ModernSettings s = ResumeChild.settings();
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) bebop.io.model.ModelJson.toTree(s);
        assertEquals(1, tree.get("decayPatience").asInt());
        assertEquals(0.1, tree.get("inputDropout").asDouble());
        tree.remove("decayPatience");
        tree.remove("inputDropout");
        assertEquals(s.withDecayPatience(0).withInputDropout(0),
                bebop.io.model.ModelJson.fromTree(tree, ModernSettings.class));
    }

    @Test
    void aNadeOutputLearnsChordsBetterThanIndependentKeys() {
        PolyDataset d = TinyData.make(1, 30, 8, 8, 40);
        ModernSettings s = ModernSettings.defaults(3).withLayers(List.of(16)).withWindow(10).withBatch(8)
                .withLearningRate(0.02).withDropout(0).withMaxEpochs(15).withPatience(15);
        double bernoulli = PolyEvaluation.score(ModernTrainer.train(d, s, "tiny", ModernListener.NONE, null).best(),
                d.test(), 10, 4, 1).nll();
        ModernResult r = ModernTrainer.train(d, s.withNadeHidden(16), "tiny", ModernListener.NONE, null);
        assertEquals(16, r.best().config().nadeHidden());
        double nade = PolyEvaluation.score(r.best(), d.test(), 10, 4, 1).nll();
        // the chords' keys go together: a NADE can say so, independent keys cannot
        assertTrue(nade < bernoulli - 0.2, "NADE " + nade + " vs Bernoulli " + bernoulli);
        assertEquals(nade, PolyEvaluation.score(r.best(), d.test(), 3, 1, 2).nll(), 1e-4);
        // same seed, same model
        assertBitIdentical(r.best().parameters(),
                ModernTrainer.train(d, s.withNadeHidden(16), "tiny", ModernListener.NONE, null).best().parameters());
    }

    @Test
    void aModelFileFromBeforeTheNadeLoadsAsBernoulli() throws Exception {
        Path f = Path.of(getClass().getResource("/models/lstm-modern-bernoulli-v1.bebop").toURI());
        LstmStack net = ModernModels.read(f);
        assertEquals(0, net.config().nadeHidden());
        assertEquals("bernoulli", net.config().outputKind());
        assertEquals(List.of(6), net.config().layers());
        var m = bebop.io.model.ModelFile.read(f);
        assertEquals(0, bebop.io.model.ModelJson.fromTree(m.extra().get("settings"), ModernSettings.class).nadeHidden());
    }

    @Test
    void aNadeModelFileRecordsItsOutputAndRoundTrips() throws Exception {
        LstmStack net = ModernTrainer.initialNetwork(ResumeChild.nadeSettings(), ResumeChild.data().train(),
                new bebop.nn.modern.Rng(1));
        Path f = dir("nade-model").resolve("m.bebop");
        bebop.io.model.ModelFile.write(f, ModernModels.toModel(net, ResumeChild.nadeSettings(),
                java.util.Map.of("epochs", 1), java.util.Map.of("test_nll", 1.5), ResumeChild.PROVENANCE));
        var m = bebop.io.model.ModelFile.read(f);
        assertEquals("nade", m.extra().get("output").asText());
        assertEquals(6, m.config().get("nadeHidden").asInt());
        LstmStack back = ModernModels.read(f);
        assertEquals(net.config(), back.config());
        assertArrayEquals(net.parameters(), back.parameters());
    }

    @Test
    void modelFileRoundTrip() throws Exception {
        LstmStack net = ModernTrainer.initialNetwork(ResumeChild.settings(), ResumeChild.data().train(),
                new bebop.nn.modern.Rng(1));
        Path f = dir("model").resolve("m.bebop");
        bebop.io.model.ModelFile.write(f, ModernModels.toModel(net, ResumeChild.settings(),
                java.util.Map.of("epochs", 1), java.util.Map.of("test_nll", 1.5), ResumeChild.PROVENANCE));
        LstmStack back = ModernModels.read(f);
        assertEquals(net.config(), back.config());
        assertArrayEquals(net.parameters(), back.parameters());
    }
}
