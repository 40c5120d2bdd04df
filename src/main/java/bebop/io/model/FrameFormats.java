package bebop.io.model;

import bebop.encoding.FrameFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a model's frames mean, kept in its header ({@code extra.frames}): the {@link FrameFormat}
 * of the data it was trained on and a few primers (the opening frames of training pieces, each
 * frame as the list of its units that are on), so that {@code compose} can read and start any model
 * without its data set. Files written before this was recorded keep loading: a paper model
 * ({@value LstmModels#KIND}) is the blues encoding of its size; a modern model
 * ({@value bebop.io.poly.ModernModels#KIND}) an 88-key piano roll (one step a quarter when it was
 * trained on jsb, else two), with no primers.
 */
public final class FrameFormats {
    static final String FIELD = "frames";

    /** A model's frame format and primers (frames of on-units, in the model's units). */
    public record Frames(FrameFormat format, List<int[][]> primers) {
        public Frames {
            primers = List.copyOf(primers);
        }
    }

    private FrameFormats() {}

    /** The model with its frames recorded in {@code extra.frames} (other extras kept). */
    public static Model with(Model model, FrameFormat format, List<int[][]> primers) {
        ObjectNode extra = model.extra().deepCopy();
        ObjectNode f = extra.putObject(FIELD);
        ObjectNode fmt = f.putObject("format");
        fmt.put("layout", format.layout());
        fmt.put("chord_low", format.chordLow());
        fmt.put("chord_units", format.chordUnits());
        fmt.put("melody_low", format.melodyLow());
        fmt.put("melody_units", format.melodyUnits());
        fmt.put("steps_per_quarter", format.stepsPerQuarter());
        fmt.put("steps_per_bar", format.stepsPerBar());
        ArrayNode ps = f.putArray("primers");
        for (int[][] primer : primers) {
            ArrayNode frames = ps.addArray();
            for (int[] frame : primer) {
                ArrayNode on = frames.addArray();
                for (int u : frame) {
                    on.add(u);
                }
            }
        }
        return model.withExtra(extra);
    }

    /** What the model records, or what its kind implies for older files. */
    public static Frames of(Model model) {
        JsonNode f = model.extra().get(FIELD);
        if (f != null && f.isObject()) {
            JsonNode fmt = f.path("format");
            FrameFormat format = new FrameFormat(fmt.path("layout").asText(""), integer(fmt, "chord_low"),
                    integer(fmt, "chord_units"), integer(fmt, "melody_low"), integer(fmt, "melody_units"),
                    integer(fmt, "steps_per_quarter"), integer(fmt, "steps_per_bar"));
            List<int[][]> primers = new ArrayList<>();
            JsonNode ps = f.path("primers");
            for (JsonNode p : ps) {
                int[][] frames = new int[p.size()][];
                for (int t = 0; t < frames.length; t++) {
                    JsonNode on = p.get(t);
                    frames[t] = new int[on.size()];
                    for (int i = 0; i < frames[t].length; i++) {
                        int u = on.get(i).asInt(-1);
                        if (u < 0 || u >= format.units()) {
                            throw new IllegalArgumentException("a primer unit " + on.get(i) + " outside 0.." + (format.units() - 1));
                        }
                        frames[t][i] = u;
                    }
                }
                primers.add(frames);
            }
            return new Frames(format, primers);
        }
        int inputs = model.config().path("inputs").asInt();
        if (model.kind().equals(LstmModels.KIND)) {
            return new Frames(FrameFormat.blues(inputs), List.of());
        }
        int spq = model.extra().path("training").path("dataset").asText("").equalsIgnoreCase("jsb") ? 1 : 2;
        return new Frames(FrameFormat.pianoRoll(spq, 4 * spq), List.of());
    }

    private static int integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("frames.format has no whole number '" + field + "'");
        }
        return v.asInt();
    }

    /** Primer frames of on-units as 0/1 frames of {@code units} units. */
    public static double[][] dense(int[][] primer, int units) {
        double[][] out = new double[primer.length][units];
        for (int t = 0; t < primer.length; t++) {
            for (int u : primer[t]) {
                out[t][u] = 1.0;
            }
        }
        return out;
    }
}
