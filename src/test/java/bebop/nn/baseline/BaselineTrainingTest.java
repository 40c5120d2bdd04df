package bebop.nn.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bebop.nn.FeedbackRule;
import bebop.nn.SequenceModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTrainingTest {

    @Test
    void trainsEveryBaselineAndEvaluatesThemThroughTheSharedInterface() {
        double[][] cyc = ElmanNetworkTest.cycle();
        List<double[][]> train = ElmanNetworkTest.stream(cyc, 8);
        List<double[][]> val = ElmanNetworkTest.stream(cyc, 2);
        BaselineTraining.Baselines b = BaselineTraining.train(train, val,
                ElmanNetworkTest.small().withEpochs(20), 5L, ElmanListener.NONE);
        List<SequenceModel> models = b.newModels();
        assertEquals(List.of("Markov k=1", "Markov k=2", "Markov k=4", "Markov k=8", "Elman"),
                models.stream().map(SequenceModel::name).toList());
        for (SequenceModel m : models) {
            assertEquals(4, m.units());
            double ce = BaselineEvaluation.meanCrossEntropy(m, val);
            assertTrue(ce > 0 && Double.isFinite(ce), m.name() + ": " + ce);
            double[][] gen = BaselineEvaluation.freeRun(m, new double[][] {cyc[0], cyc[1], cyc[2], cyc[3]}, 12,
                    FeedbackRule.threshold(0.5));
            assertEquals(12, gen.length);
        }
        // Every 4-frame window of this period-6 cycle is unique, so order 4 runs through it.
        SequenceModel k4 = models.get(2);
        double[][] gen = BaselineEvaluation.freeRun(k4, new double[][] {cyc[0], cyc[1], cyc[2], cyc[3]}, 30,
                FeedbackRule.threshold(0.5));
        assertEquals(1.0, BaselineEvaluation.cycleAccuracy(gen, 4, cyc, 0, 4));
    }

    @Test
    void cycleAccuracyCountsWholeFramesOverAUnitRange() {
        double[][] ref = {{1, 0, 1}, {0, 1, 0}};
        double[][] gen = {{0, 1, 0}, {1, 0, 0}, {0, 1, 1}, {0.9, 0.1, 0.7}};
        // Positions 1, 0, 1, 0: right, wrong in unit 2, wrong in unit 2, right.
        assertEquals(0.5, BaselineEvaluation.cycleAccuracy(gen, 1, ref, 0, 3));
        assertEquals(1.0, BaselineEvaluation.cycleAccuracy(gen, 1, ref, 0, 2));
    }
}
