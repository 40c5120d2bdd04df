package bebop.app;

import bebop.eval.MelodyEvaluation;
import bebop.train.ChordEvaluation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The metrics of an evaluation as a model file and {@code eval --json} record them. */
public final class Metrics {
    private Metrics() {}

    public static ObjectNode of(ChordEvaluation eval) {
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("chord_accuracy", eval.chordAccuracy());
        m.put("choruses_perfect", eval.chorusesPerfect());
        m.put("choruses", eval.choruses());
        m.put("steps", eval.steps());
        return m;
    }

    public static ObjectNode of(MelodyEvaluation eval) {
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("chord_accuracy", eval.chordAccuracy());
        m.put("in_scale", eval.inScale());
        m.put("novel_bars", eval.novelBars());
        m.put("unique_choruses", eval.uniqueChoruses());
        m.put("pitch_class_kl", eval.pitchClassKl());
        if (Double.isFinite(eval.nll())) {
            m.put("nll", eval.nll());
        } else {
            m.putNull("nll");
        }
        m.put("choruses", eval.choruses());
        m.put("steps", eval.steps());
        m.put("primer_steps", eval.primerSteps());
        m.put("held_out_choruses", eval.heldOutChoruses());
        return m;
    }
}
