package bebop.eval;

import bebop.compose.Primers;
import bebop.data.BluesDataset;
import bebop.nn.SequenceModel;
import bebop.nn.baseline.BaselineTraining;
import bebop.nn.baseline.ElmanNetwork;
import bebop.nn.baseline.ElmanSettings;
import bebop.nn.baseline.MarkovChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The paper's claim put to the test: the LSTM beside Markov chains of order 1, 2, 4 and 8 over
 * whole frames and an Elman network of about the same size, all trained on the same choruses and
 * measured with the same free run and the same held-out choruses.
 */
public final class Comparison {
    /** One model's line of the table; {@code size} says what the model holds ("1,606 weights"). */
    public record Row(String model, String size, MelodyEvaluation evaluation) {}

    /**
     * @param choruses    choruses of each free run
     * @param elman       the Elman network's settings (its epoch budget sets most of the run time)
     * @param seed        seed of the training order, the Elman weights, the primer and the note draws
     */
    public record Settings(int choruses, ElmanSettings elman, long seed) {}

    private Comparison() {}

    /**
     * Trains the baselines on the choruses not in {@code heldOut} (concatenated in a seeded random
     * order, one stream, as the LSTM's training stream) and evaluates them and the given LSTM.
     */
    public static List<Row> run(BluesDataset data, int[] heldOut, SequenceModel lstm, int lstmWeights, Settings s) {
        List<double[][]> stream = new ArrayList<>();
        stream.add(trainingStream(data, heldOut, s.seed()));
        List<Row> rows = new ArrayList<>();
        rows.add(row(lstm, String.format(Locale.ROOT, "%,d weights", lstmWeights), data, heldOut, s));
        for (MarkovChain chain : BaselineTraining.trainMarkov(stream, MarkovChain.DEFAULT_ALPHA)) {
            rows.add(row(chain, String.format(Locale.ROOT, "%,d contexts", chain.contexts()), data, heldOut, s));
        }
        ElmanNetwork.Trained elman = ElmanNetwork.train(stream, List.of(), s.elman(), s.seed(), bebop.nn.baseline.ElmanListener.NONE);
        int weights = ElmanNetwork.parameterCount(data.frames(data.choruses().get(0))[0].length, s.elman().hidden(),
                data.frames(data.choruses().get(0))[0].length);
        rows.add(row(elman.newModel(), String.format(Locale.ROOT, "%,d weights", weights), data, heldOut, s));
        return rows;
    }

    private static Row row(SequenceModel model, String size, BluesDataset data, int[] heldOut, Settings s) {
        model.reset();
        MelodyEvaluation e = Evaluator.evaluate(model, data, heldOut, s.choruses(), Primers.DEFAULT_STEPS, 1.0, s.seed());
        return new Row(model.name(), size, e);
    }

    /** The training choruses (all but the held-out ones) in a seeded random order, as one stream. */
    static double[][] trainingStream(BluesDataset data, int[] heldOut, long seed) {
        boolean[] held = new boolean[data.choruses().size()];
        for (int i : heldOut) {
            held[i] = true;
        }
        List<BluesDataset.Chorus> training = new ArrayList<>();
        for (BluesDataset.Chorus c : data.choruses()) {
            if (!held[c.index()]) {
                training.add(c);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = training.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            BluesDataset.Chorus t = training.get(i);
            training.set(i, training.get(j));
            training.set(j, t);
        }
        List<double[]> frames = new ArrayList<>();
        for (BluesDataset.Chorus c : training) {
            frames.addAll(List.of(data.frames(c)));
        }
        return frames.toArray(new double[0][]);
    }

    /**
     * Whether the table bears out the paper's claim: the LSTM alone keeps the chord form (chord
     * accuracy 1.0 in the free run, every baseline below it) and still improvises (novel bars).
     */
    public static String verdict(List<Row> rows) {
        MelodyEvaluation lstm = rows.get(0).evaluation();
        double bestBaseline = 0;
        String best = "";
        for (Row r : rows.subList(1, rows.size())) {
            if (r.evaluation().chordAccuracy() >= bestBaseline) {
                bestBaseline = r.evaluation().chordAccuracy();
                best = r.model();
            }
        }
        boolean keepsForm = lstm.chordAccuracy() == 1.0;
        boolean alone = keepsForm && bestBaseline < 1.0;
        boolean improvises = lstm.novelBars() > 0;
        if (alone && improvises) {
            return String.format(Locale.ROOT, "The claim holds here: only the LSTM keeps the chord form over %d free-run "
                    + "choruses (chord accuracy 1.0; best baseline %s at %.4f), and %.0f %% of its bars are new melodies.",
                    lstm.choruses(), best, bestBaseline, 100 * lstm.novelBars());
        }
        if (!keepsForm) {
            return String.format(Locale.ROOT, "The claim does not hold here: the LSTM does not keep the chord form either "
                    + "(chord accuracy %.4f over %d free-run choruses; best baseline %s at %.4f).",
                    lstm.chordAccuracy(), lstm.choruses(), best, bestBaseline);
        }
        if (!alone) {
            return String.format(Locale.ROOT, "The claim holds only in part: the LSTM keeps the chord form, but so does %s.",
                    best);
        }
        return "The claim holds only in part: the LSTM keeps the chord form but plays no new melody bars.";
    }
}
