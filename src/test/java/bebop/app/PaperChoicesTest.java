package bebop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bebop.UserError;
import bebop.nn.KalmanSettings;
import bebop.train.Experiment1Settings;
import bebop.train.Experiment2Settings;
import org.junit.jupiter.api.Test;

/** The rules that turn a user's choices into the paper networks' settings, without a command line. */
class PaperChoicesTest {
    private static PaperChoices none() {
        return new PaperChoices(false, "paper", null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static PaperChoices learner(String learner) {
        return new PaperChoices(false, "paper", learner, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void noChoicesAreBebopsDefaults() {
        assertEquals(Experiment1Settings.defaults(3), none().experiment1(3));
        assertEquals(Experiment2Settings.defaults(3), none().experiment2(3));
    }

    @Test
    void anOnlineLearnerBringsTheOnlineDefaults() {
        Experiment1Settings sgd = learner("sgd").experiment1(5);
        assertEquals(Experiment1Settings.defaults(5).withTrainer(Experiment1Settings.Trainer.ONLINE_RTRL)
                .withLearningRate(PaperChoices.SGD_LEARNING_RATE).withOnlineDefaults(), sgd);
        Experiment2Settings dekf = learner("dekf").experiment2(5);
        assertEquals(Experiment2Settings.defaults(5).withTrainer(Experiment1Settings.Trainer.DEKF).withOnlineDefaults(), dekf);
        assertEquals(0, dekf.resetAfterGrossErrors());
        assertEquals(2, dekf.chorusesPerReset());
        assertEquals(Experiment2Settings.ONLINE_STOP_CHORUSES, dekf.stopCycles());
    }

    @Test
    void thePapersSettingsStayLiteral() {
        PaperChoices paper = new PaperChoices(true, "paper", null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        assertEquals(Experiment1Settings.paper(1), paper.experiment1(1));
        assertEquals(Experiment2Settings.paper(1), paper.experiment2(1));
    }

    @Test
    void eachChoiceLandsInItsSetting() {
        KalmanSettings k = KalmanSettings.defaults().withInitialCovariance(10);
        PaperChoices c = new PaperChoices(false, "corrected", "dekf", null, null, false, "icann", null, 3, "continue", 4,
                8, null, 77L, k);
        Experiment1Settings s = c.experiment1(2);
        assertEquals(8, s.stopCycles());
        assertEquals(77, s.maxEpochs());
        assertEquals(3, s.resetAfterGrossErrors());
        assertEquals(4, s.chorusesPerReset());
        assertEquals(false, s.restartChorus());
        assertEquals(k, s.kalman());
        PaperChoices melody = new PaperChoices(false, "paper", "dekf", null, null, null, null, "negative", null, null,
                null, 16, 5, null, null);
        Experiment2Settings m = melody.experiment2(2);
        assertEquals(16, m.stopCycles());
        assertEquals(5, m.chorusesPerEpoch());
        assertEquals(false, m.positiveForgetBiases());
    }

    @Test
    void badChoicesNameTheirFlag() {
        assertEquals("--learner adam: use sgd, dekf or bptt-adam",
                assertThrows(UserError.class, () -> learner("adam").experiment1(1)).getMessage());
        PaperChoices stop = new PaperChoices(false, "paper", null, null, null, null, null, null, null, null, null, 0,
                null, null, null);
        assertEquals("--stop-choruses 0: must be between 1 and 1000",
                assertThrows(UserError.class, () -> stop.experiment2(1)).getMessage());
        PaperChoices filterWithoutDekf = new PaperChoices(false, "paper", "sgd", null, null, null, null, null, null,
                null, null, null, null, null, KalmanSettings.defaults());
        assertThrows(UserError.class, () -> filterWithoutDekf.experiment1(1));
        PaperChoices melodyOnly = new PaperChoices(false, "paper", null, null, null, null, null, "positive", null,
                null, null, null, null, null, null);
        assertEquals("--epoch-choruses and --forget-biases: only for --experiment melody",
                assertThrows(UserError.class, () -> melodyOnly.experiment1(1)).getMessage());
        PaperChoices chordsOnly = new PaperChoices(false, "paper", "sgd", null, null, null, null, null, null,
                "restart", null, null, null, null, null);
        assertEquals("--reset-rule and --chorus-reset: only for --experiment chords",
                assertThrows(UserError.class, () -> chordsOnly.experiment2(1)).getMessage());
        PaperChoices filterWithMomentum = new PaperChoices(false, "paper", "dekf", null, 0.5, null, null, null, null,
                null, null, null, null, null, null);
        assertEquals("--momentum goes with --learner sgd or bptt-adam: the filter (--learner dekf) sets its steps by the "
                + "--dekf-* flags", assertThrows(UserError.class, () -> filterWithMomentum.experiment2(1)).getMessage());
        PaperChoices filterWithRate = new PaperChoices(true, "paper", "dekf", 1e-4, null, null, null, null, null,
                null, null, null, null, null, null);
        assertThrows(UserError.class, () -> filterWithRate.experiment1(1));
    }
}
