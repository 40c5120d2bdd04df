package bebop.app;

import bebop.eval.MelodyEvaluation;
import bebop.eval.Polyphony;
import bebop.train.ChordEvaluation;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What {@code eval} measured of a model. */
public sealed interface Evaluation {
    /** The metrics as {@code eval --json} and model files record them. */
    ObjectNode metrics();

    /** A chords model's free run from the form's first frame. */
    record Chords(BluesModel model, ChordEvaluation eval) implements Evaluation {
        @Override
        public ObjectNode metrics() {
            return Metrics.of(eval);
        }
    }

    /** A melody model's free run and its held-out cross-entropy. */
    record Melody(BluesModel model, MelodyEvaluation eval, long seed) implements Evaluation {
        @Override
        public ObjectNode metrics() {
            return Metrics.of(eval);
        }
    }

    /**
     * A model of data other than the blues (an import, a piano roll): its free run has no form to keep
     * and no training segments to compare with, so what counts is what training measured on the
     * model's own data set, as its file records it; and for a piano roll, how often a free run
     * sounds 3-4 notes at once beside the training set ({@code polyphony}, null for other frames).
     */
    record Recorded(DataModel model, Polyphony polyphony) implements Evaluation {
        @Override
        public ObjectNode metrics() {
            ObjectNode m = model.model().metrics().deepCopy();
            if (polyphony != null) {
                m.put("generated_frames", polyphony.frames());
                m.put("generated_3_4_notes", polyphony.generated());
                if (!Double.isNaN(polyphony.training())) {
                    m.put("training_3_4_notes", polyphony.training());
                }
            }
            return m;
        }
    }

    /**
     * A model of a data set scored now on a split of one ({@code bebop eval --data}): the cross-entropy per
     * predicted frame (summed over its units), teacher-forced, as training measured its own splits; for a
     * model of the modern trainer also the frame accuracy (null for the paper's network, whose training did
     * not measure one); named as the model file names those ({@code test_nll}, {@code test_acc}).
     */
    record OnData(DataModel model, String dataset, String split, int pieces, long frames, double nll, Double accuracy)
            implements Evaluation {
        @Override
        public ObjectNode metrics() {
            ObjectNode m = JsonNodeFactory.instance.objectNode();
            m.put(split + "_nll", nll);
            if (accuracy != null) {
                m.put(split + "_acc", accuracy);
            }
            m.put("pieces", pieces);
            m.put("frames", frames);
            return m;
        }

        /** True when the data set is the one the model was trained on, so its file's figure of the split compares. */
        public boolean trainedOnIt() {
            return dataset.equals(model.dataset());
        }
    }
}
